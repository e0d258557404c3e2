import {
  HOUSE_STYLE_FONT_LABELS,
  HOUSE_STYLE_FONTS,
  HOUSE_STYLE_LOGO_TYPES,
  HOUSE_STYLE_PAGE_BACKGROUND,
  NABIJ_DEFAULT_HOUSE_STYLE,
  contrastRatio,
  formatRatio,
  updateHouseStyleRequest,
  type HouseStyleFont,
  type HouseStyleLogoType,
  type HouseStyleView,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { VersionConflict } from '../../components/VersionConflict';
import { houseStyleChanged } from '../../theme/house-style';
import { AdminNav } from './AdminNav';

const FIELDS = [
  'displayName',
  'logo',
  'primaryColor',
  'primaryTextColor',
  'linkColor',
  'focusColor',
  'fontFamily',
] as const;

export interface HouseStyleValues {
  displayName: string;
  primaryColor: string;
  primaryTextColor: string;
  linkColor: string;
  focusColor: string;
  fontFamily: HouseStyleFont;
}

const isHex = (value: string) => /^#[0-9a-f]{6}$/i.test(value.trim());

/** The four checked pairs with their measured ratio (undefined while a colour is not a valid #rrggbb). */
export function measuredContrast(v: HouseStyleValues) {
  const page = HOUSE_STYLE_PAGE_BACKGROUND;
  const pairs = [
    { key: 'pairText', fg: v.primaryTextColor, bg: v.primaryColor, minimum: 4.5 },
    { key: 'pairPrimary', fg: v.primaryColor, bg: page, minimum: 3 },
    { key: 'pairLink', fg: v.linkColor, bg: page, minimum: 4.5 },
    { key: 'pairFocus', fg: v.focusColor, bg: page, minimum: 3 },
  ] as const;
  return pairs.map((p) => {
    const ratio =
      isHex(p.fg) && isHex(p.bg) ? contrastRatio(p.fg.trim().toLowerCase(), p.bg.trim().toLowerCase()) : undefined;
    return { key: p.key, ratio, minimum: p.minimum, ok: ratio !== undefined && ratio >= p.minimum };
  });
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('file could not be read'));
    reader.readAsDataURL(file);
  });
}

const valuesOf = (view: HouseStyleView): HouseStyleValues => ({
  displayName: view.displayName,
  primaryColor: view.primaryColor,
  primaryTextColor: view.primaryTextColor,
  linkColor: view.linkColor,
  focusColor: view.focusColor,
  fontFamily: view.fontFamily,
});

/** The house style form of the functional administrator: name, logo, four colours, a font; checked before saving. */
export function HouseStyleForm({
  view,
  tenantSlug,
  onSaved,
}: {
  view: HouseStyleView;
  tenantSlug: string | undefined;
  onSaved: (view: HouseStyleView) => void;
}) {
  const [values, setValues] = useState<HouseStyleValues>(valuesOf(view));
  const [logoFile, setLogoFile] = useState<File | undefined>(undefined);
  const [removeLogo, setRemoveLogo] = useState(false);
  const [version, setVersion] = useState(view.version);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<HouseStyleView | undefined>(undefined);
  const errors = useFormErrors('house-style', FIELDS);
  const set = (key: keyof HouseStyleValues) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    let logo: { contentType: HouseStyleLogoType; contentBase64: string } | null | undefined;
    if (logoFile) {
      try {
        const type = (HOUSE_STYLE_LOGO_TYPES as readonly string[]).includes(logoFile.type)
          ? (logoFile.type as HouseStyleLogoType)
          : ('image/svg+xml' as HouseStyleLogoType); // refused by the contract with the Dutch message
        logo = { contentType: type, contentBase64: await readAsBase64(logoFile) };
      } catch {
        errors.showIssues([{ path: ['logo'], message: t('houseStyle.logoUnreadable') }]);
        return;
      }
    } else if (removeLogo) {
      logo = null;
    }
    const parsed = updateHouseStyleRequest.safeParse({ ...values, ...(logo !== undefined ? { logo } : {}), version });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const next = await api.put<HouseStyleView>('/api/admin/house-style', parsed.data);
      setVersion(next.version);
      setValues(valuesOf(next));
      setConflict(undefined);
      setLogoFile(undefined);
      setRemoveLogo(false);
      setSaved(true);
      onSaved(next);
      if (tenantSlug)
        houseStyleChanged(tenantSlug, {
          displayName: next.displayName,
          themeHref: next.themeHref,
          logoHref: next.logoHref,
        });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const newest = await api.get<HouseStyleView>('/api/admin/house-style');
          setConflict(newest);
          setVersion(newest.version);
          errors.showMessage(t('conflict.message'));
        } catch (reloadError) {
          errors.showError(reloadError);
        }
      } else {
        errors.showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const colour = (key: 'primaryColor' | 'primaryTextColor' | 'linkColor' | 'focusColor') => (
    <TextField
      id={errors.idFor(key)}
      label={t(`houseStyle.${key}`)}
      description={t('houseStyle.colourDescription', { example: NABIJ_DEFAULT_HOUSE_STYLE[key] })}
      value={values[key]}
      onValueChange={set(key)}
      error={errors.errorFor(key)}
      autoComplete="off"
      spellCheck={false}
      className="nabij-field--short"
    />
  );
  const ratios = measuredContrast(values);
  const preview = ratios.every((r) => r.ratio !== undefined);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="nabij-narrow nabij-house-style">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {version === 0 ? <Paragraph>{t('houseStyle.defaultNotice')}</Paragraph> : null}
      <Fieldset>
        <FieldsetLegend>{t('houseStyle.nameLegend')}</FieldsetLegend>
        <TextField
          id={errors.idFor('displayName')}
          label={t('houseStyle.displayName')}
          description={t('houseStyle.displayNameDescription')}
          value={values.displayName}
          onValueChange={set('displayName')}
          error={errors.errorFor('displayName')}
          autoComplete="organization"
        />
        {view.logoHref && !removeLogo ? (
          <Paragraph>
            {t('houseStyle.currentLogo')}{' '}
            <img
              className="nabij-municipality__logo nabij-house-style__logo"
              src={view.logoHref}
              alt={view.displayName}
            />
          </Paragraph>
        ) : null}
        {!view.logoHref ? <Paragraph>{t('houseStyle.noLogo')}</Paragraph> : null}
        <FormField
          invalid={Boolean(errors.errorFor('logo'))}
          label={<FormLabel htmlFor={errors.idFor('logo')}>{t('houseStyle.logo')}</FormLabel>}
          description={
            <FormFieldDescription id="house-style-logo-description">
              {t('houseStyle.logoDescription')}
            </FormFieldDescription>
          }
          errorMessage={
            errors.errorFor('logo') ? (
              <FormFieldErrorMessage id="house-style-logo-error">{errors.errorFor('logo')}</FormFieldErrorMessage>
            ) : undefined
          }
          input={
            <input
              id={errors.idFor('logo')}
              type="file"
              className="nabij-file-input"
              accept={HOUSE_STYLE_LOGO_TYPES.join(',')}
              aria-describedby={[
                errors.errorFor('logo') ? 'house-style-logo-error' : '',
                'house-style-logo-description',
              ]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={errors.errorFor('logo') ? true : undefined}
              onChange={(event) => {
                setSaved(false);
                setLogoFile(event.target.files?.[0]);
              }}
            />
          }
        />
        {view.logoHref ? (
          <CheckboxField
            id="house-style-remove-logo"
            label={t('houseStyle.removeLogo')}
            checked={removeLogo}
            onCheckedChange={(checked) => {
              setSaved(false);
              setRemoveLogo(checked);
            }}
          />
        ) : null}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('houseStyle.coloursLegend')}</FieldsetLegend>
        {colour('primaryColor')}
        {colour('primaryTextColor')}
        {colour('linkColor')}
        {colour('focusColor')}
        <SelectField
          id={errors.idFor('fontFamily')}
          label={t('houseStyle.fontFamily')}
          value={values.fontFamily}
          choices={HOUSE_STYLE_FONTS.map((f) => ({ value: f, label: HOUSE_STYLE_FONT_LABELS[f] }))}
          onValueChange={set('fontFamily')}
          error={errors.errorFor('fontFamily')}
        />
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => {
            setSaved(false);
            setValues((v) => ({ ...v, ...NABIJ_DEFAULT_HOUSE_STYLE }));
          }}
        >
          {t('houseStyle.resetDefault')}
        </Button>
      </Fieldset>
      <section aria-labelledby="house-style-preview" className="nabij-house-style__preview">
        <Heading2 id="house-style-preview">{t('houseStyle.previewTitle')}</Heading2>
        {preview ? (
          <div className="nabij-house-style__sample" aria-hidden="true">
            <span
              className="nabij-house-style__sample-button"
              style={{
                backgroundColor: values.primaryColor.trim(),
                color: values.primaryTextColor.trim(),
                outlineColor: values.focusColor.trim(),
              }}
            >
              {t('houseStyle.previewButton')}
            </span>
            <span className="nabij-house-style__sample-link" style={{ color: values.linkColor.trim() }}>
              {t('houseStyle.previewLink')}
            </span>
          </div>
        ) : null}
        <Paragraph>{t('houseStyle.ratioTitle')}</Paragraph>
        <UnorderedList>
          {ratios.map((r) => (
            <UnorderedListItem key={r.key}>
              {t('houseStyle.ratioLine', {
                pair: t(`houseStyle.${r.key}`),
                ratio: r.ratio === undefined ? '—' : formatRatio(r.ratio),
                minimum: formatRatio(r.minimum),
                verdict: r.ok ? t('houseStyle.ratioOk') : t('houseStyle.ratioTooLow'),
              })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {conflict ? t('conflict.saveMine') : t('houseStyle.save')}
        </Button>
      </ButtonGroup>
      <div role="status">
        {saved ? (
          <Alert type="ok">
            <Paragraph>{t('houseStyle.saved')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {conflict ? (
        <VersionConflict
          fields={[
            {
              key: 'displayName',
              label: t('houseStyle.displayName'),
              mine: values.displayName,
              saved: conflict.displayName,
            },
            ...(['primaryColor', 'primaryTextColor', 'linkColor', 'focusColor'] as const).map((key) => ({
              key,
              label: t(`houseStyle.${key}`),
              mine: values[key],
              saved: conflict[key],
            })),
            {
              key: 'fontFamily',
              label: t('houseStyle.fontFamily'),
              mine: HOUSE_STYLE_FONT_LABELS[values.fontFamily],
              saved: HOUSE_STYLE_FONT_LABELS[conflict.fontFamily],
            },
          ]}
          onTakeSaved={() => {
            setValues(valuesOf(conflict));
            setConflict(undefined);
            errors.clear();
          }}
        />
      ) : null}
    </form>
  );
}

/** `/beheer/huisstijl`: the municipality's house style (issue #21 item 5, ADR 0054). */
export function HouseStylePage() {
  usePageTitle(t('houseStyle.title'));
  const { user } = useSession();
  const style = useResource<HouseStyleView>('/api/admin/house-style');
  return (
    <>
      <PageHeading>{t('houseStyle.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('houseStyle.intro')}</Paragraph>
      {style.status === 'loading' ? <Loading /> : null}
      {style.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(style.error)}</Paragraph>
        </Alert>
      ) : null}
      {style.status === 'ready' ? (
        <HouseStyleForm view={style.data} tenantSlug={user?.tenantSlug} onSaved={(next) => style.setData(next)} />
      ) : null}
    </>
  );
}
