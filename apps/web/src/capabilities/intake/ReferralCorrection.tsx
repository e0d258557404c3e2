/**
 * Completing and correcting a referral after it came in (issue #17 item 4): per person the date of birth or age,
 * the address with the house-number addition and the phone; for the referral "children at risk", the resident's
 * awareness and the household's language and interpreter — with a reason, and the history of what changed. A stale
 * save (someone else saved first) shows both versions side by side; nothing typed is lost.
 */
import { correctReferralRequest, splitHouseNumber, type ReferralView } from '@nabij/contracts';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { TextField } from '../../components/TextField';
import { VersionConflict } from '../../components/VersionConflict';
import { formatDate } from '../persons/person-format';
import { formatDateTime, residentName } from './intake-format';
import { AddressRows, AwarenessFields, ChildrenAtRiskField, LanguageFields } from './ReferralFormParts';

const PERSON_FIELDS = [
  'dateOfBirth',
  'age',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'phone',
] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
type PersonValues = Record<PersonField, string>;

interface CorrectionValues {
  residents: PersonValues[];
  childrenAtRisk: string;
  residentAwareness: string;
  residentAwarenessNote: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  reason: string;
}

function valuesOf(referral: ReferralView): CorrectionValues {
  return {
    residents: referral.residents.map((p) => ({
      dateOfBirth: p.dateOfBirth ?? '',
      age: p.age === null ? '' : String(p.age),
      street: p.street ?? '',
      houseNumber: p.houseNumber ?? '',
      houseNumberAddition: p.houseNumberAddition ?? '',
      postcode: p.postcode ?? '',
      city: p.city ?? '',
      phone: p.phone ?? '',
    })),
    childrenAtRisk: referral.childrenAtRisk,
    residentAwareness: referral.residentAwareness,
    residentAwarenessNote: referral.residentAwarenessNote ?? '',
    preferredLanguage: referral.language?.languages.join(', ') ?? '',
    interpreterNeeded: referral.language?.interpreterNeeded ?? false,
    reason: '',
  };
}

/** The request: every person's values (an empty one clears it), the referral's answers and the reason. */
function toRequest(referral: ReferralView, values: CorrectionValues, version: number) {
  return {
    version,
    reason: values.reason,
    residents: referral.residents.map((p, i) => {
      const v = values.residents[i]!;
      const age = v.age.trim();
      return {
        id: p.id,
        dateOfBirth: v.dateOfBirth,
        age: age === '' ? null : /^\d{1,3}$/.test(age) ? Number(age) : Number.NaN,
        street: v.street,
        // "12A" or "12-2" typed as the house number is split into number and addition (issue #19 item 5).
        ...(v.houseNumber.trim()
          ? splitHouseNumber(v.houseNumber, v.houseNumberAddition)
          : { houseNumber: v.houseNumber, houseNumberAddition: v.houseNumberAddition }),
        postcode: v.postcode,
        city: v.city,
        phone: v.phone,
      };
    }),
    childrenAtRisk: values.childrenAtRisk,
    residentAwareness: values.residentAwareness,
    residentAwarenessNote: values.residentAwarenessNote,
    preferredLanguage: values.preferredLanguage,
    interpreterNeeded: values.interpreterNeeded,
  };
}

const fieldLabel = (f: PersonField) => (f === 'age' ? t('correct.age') : t(`person.${f}`));

/** The fields of the form in display order (also the error summary's order). */
function fieldOrder(count: number): string[] {
  return [
    ...Array.from({ length: count }, (_, i) => PERSON_FIELDS.map((f) => `residents.${i}.${f}`)).flat(),
    'childrenAtRisk',
    'residentAwareness',
    'residentAwarenessNote',
    'preferredLanguage',
    'interpreterNeeded',
    'reason',
  ];
}

function History({ referral }: { referral: ReferralView }) {
  const corrections = referral.corrections ?? [];
  const shown = (field: string, value: string | null) => {
    if (value === null || value === '') return t('correct.empty');
    if (field === 'childrenAtRisk') return t(`childRisk.${value}`);
    if (field === 'residentAwareness') return t(`awareness.${value}`);
    if (field === 'interpreterNeeded') return value === 'true' ? t('common.yes') : t('common.no');
    if (field === 'dateOfBirth') return formatDate(value);
    return value;
  };
  return (
    <>
      <Heading2 id="referral-corrections-heading">{t('correct.historyHeading')}</Heading2>
      {corrections.length === 0 ? <Paragraph>{t('correct.historyNone')}</Paragraph> : null}
      {corrections.length > 0 ? (
        <UnorderedList aria-labelledby="referral-corrections-heading">
          {corrections.map((c) => (
            <UnorderedListItem key={c.changeId}>
              {t('correct.historyEntry', { date: formatDateTime(c.at), name: c.byName, reason: c.reason })}
              <UnorderedList>
                {c.fields.map((f, i) => (
                  <UnorderedListItem key={`${c.changeId}-${i}`}>
                    {f.personLabel
                      ? t('correct.historyFieldOf', {
                          field: t(`correctionField.${f.field}`),
                          person: f.personLabel,
                          old: shown(f.field, f.oldValue),
                          new: shown(f.field, f.newValue),
                        })
                      : t('correct.historyField', {
                          field: t(`correctionField.${f.field}`),
                          old: shown(f.field, f.oldValue),
                          new: shown(f.field, f.newValue),
                        })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </>
  );
}

/** Where the correction goes: the intake's own routes, or those of the case the referral became (issue #17 item 4). */
export interface CorrectionEndpoints {
  correct: string;
  reload: () => Promise<ReferralView>;
}

const intakeEndpoints = (id: string): CorrectionEndpoints => ({
  correct: `/api/referrals/${encodeURIComponent(id)}/correction`,
  reload: () => api.get<ReferralView>(`/api/referrals/${encodeURIComponent(id)}`),
});

export function ReferralCorrection({
  referral,
  canWrite,
  onSaved,
  endpoints = intakeEndpoints(referral.id),
}: {
  referral: ReferralView;
  canWrite: boolean;
  onSaved: (updated: ReferralView, text: string) => void;
  endpoints?: CorrectionEndpoints;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CorrectionValues>(() => valuesOf(referral));
  const [version, setVersion] = useState(referral.version);
  /** The newest saved referral after a version conflict; the form keeps what the user typed. */
  const [conflict, setConflict] = useState<ReferralView | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const order = useMemo(() => fieldOrder(referral.residents.length), [referral.residents.length]);
  const errors = useFormErrors('correct', order, { nestedPaths: true });

  const start = () => {
    setValues(valuesOf(referral));
    setVersion(referral.version);
    setConflict(undefined);
    errors.clear();
    setOpen(true);
    window.setTimeout(() => document.getElementById(errors.idFor(order[0] ?? 'reason'))?.focus(), 0);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = correctReferralRequest.safeParse(toRequest(referral, values, version));
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<ReferralView>(endpoints.correct, parsed.data);
      errors.clear();
      setConflict(undefined);
      setOpen(false);
      onSaved(updated, t('correct.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const newest = await endpoints.reload();
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

  const setPerson = (index: number, field: PersonField, value: string) =>
    setValues((v) => ({ ...v, residents: v.residents.map((r, i) => (i === index ? { ...r, [field]: value } : r)) }));

  const conflictFields = (saved: ReferralView) => {
    const theirs = valuesOf(saved);
    return [
      ...referral.residents.flatMap((p, i) =>
        PERSON_FIELDS.map((f) => ({
          key: `${p.id}-${f}`,
          label: `${fieldLabel(f)} (${residentName(p) || t('inbox.noName')})`,
          mine: values.residents[i]?.[f] ?? '',
          saved: theirs.residents[i]?.[f] ?? '',
        })),
      ),
      {
        key: 'childrenAtRisk',
        label: t('correctionField.childrenAtRisk'),
        mine: t(`childRisk.${values.childrenAtRisk}`),
        saved: t(`childRisk.${theirs.childrenAtRisk}`),
      },
      {
        key: 'residentAwareness',
        label: t('correctionField.residentAwareness'),
        mine: t(`awareness.${values.residentAwareness}`),
        saved: t(`awareness.${theirs.residentAwareness}`),
      },
      {
        key: 'residentAwarenessNote',
        label: t('correctionField.residentAwarenessNote'),
        mine: values.residentAwarenessNote,
        saved: theirs.residentAwarenessNote,
      },
      {
        key: 'preferredLanguage',
        label: t('correctionField.preferredLanguage'),
        mine: values.preferredLanguage,
        saved: theirs.preferredLanguage,
      },
      {
        key: 'interpreterNeeded',
        label: t('correctionField.interpreterNeeded'),
        mine: values.interpreterNeeded ? t('common.yes') : t('common.no'),
        saved: theirs.interpreterNeeded ? t('common.yes') : t('common.no'),
      },
    ];
  };

  return (
    <section aria-labelledby="referral-correct-heading" className="nabij-section">
      <Heading2 id="referral-correct-heading">{t('correct.heading')}</Heading2>
      <Paragraph>{t('correct.intro')}</Paragraph>
      {canWrite && !open ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={start}>
            {t('correct.open')}
          </Button>
        </ButtonGroup>
      ) : null}
      {canWrite && open ? (
        <>
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          {conflict ? (
            <VersionConflict
              fields={conflictFields(conflict)}
              onTakeSaved={() => {
                setValues({ ...valuesOf(conflict), reason: values.reason });
                setConflict(undefined);
                errors.clear();
              }}
            />
          ) : null}
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="referral-correct-heading">
            {referral.residents.map((p, index) => {
              const v = values.residents[index]!;
              const field = (f: PersonField) => ({
                id: errors.idFor(`residents.${index}.${f}`),
                label: fieldLabel(f),
                value: v[f],
                onValueChange: (value: string) => setPerson(index, f, value),
                error: errors.errorFor(`residents.${index}.${f}`),
                optional: true,
                autoComplete: 'off',
              });
              return (
                <Fieldset key={p.id} className="nabij-repeat">
                  <FieldsetLegend>
                    {t('correct.personLegend', { name: residentName(p) || t('inbox.noName') })}
                  </FieldsetLegend>
                  {p.personId ? <Paragraph>{t('correct.linkedHint')}</Paragraph> : null}
                  <div className="nabij-form-row">
                    <TextField {...field('dateOfBirth')} type="date" />
                    <TextField
                      {...field('age')}
                      description={t('correct.ageDescription')}
                      inputMode="numeric"
                      className="nabij-field--short"
                    />
                  </div>
                  {p.role === 'resident' ? (
                    <>
                      <AddressRows field={field} />
                      <TextField {...field('phone')} type="tel" />
                    </>
                  ) : null}
                </Fieldset>
              );
            })}
            <ChildrenAtRiskField
              values={values}
              update={setValues}
              errors={errors}
              description={t('checklist.children_at_risk_for_meeting')}
            />
            <AwarenessFields values={values} update={setValues} errors={errors} />
            <LanguageFields values={values} update={setValues} errors={errors} />
            <TextField
              id={errors.idFor('reason')}
              label={t('correct.reason')}
              description={t('correct.reasonDescription')}
              value={values.reason}
              onValueChange={(reason) => setValues((v) => ({ ...v, reason }))}
              error={errors.errorFor('reason')}
              autoComplete="off"
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                {conflict ? t('conflict.saveMine') : t('correct.save')}
              </Button>
              <Button type="button" appearance="subtle-button" disabled={busy} onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      ) : null}
      <History referral={referral} />
    </section>
  );
}
