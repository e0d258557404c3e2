/**
 * The parts of a referral form shared by the public form (/aanmelden) and the intake desk's registration:
 * referrer, residents, children, life domains, the question, and safety.
 */
import {
  AWARENESS,
  CHILD_RISK,
  LIFE_DOMAINS,
  NO_FIXED_ADDRESS_KINDS,
  URGENCIES,
  plainDomainLabel,
} from '@nabij/contracts';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { t } from '../../app/i18n';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { DateOfBirthField } from '../../components/DateOfBirthField';
import type { FormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { relationChoices } from '../persons/relations';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from './intake-format';
import {
  ADDRESS_FIELDS,
  EMPTY_CHILD,
  EMPTY_RESIDENT,
  MAX_CHILDREN,
  MAX_RESIDENTS,
  type ReferralFormValues,
  type ReferrerValues,
  type ResidentField,
  type ResidentValues,
} from './referral-form-values';

export type UpdateReferralForm = (update: (values: ReferralFormValues) => ReferralFormValues) => void;

interface PartProps {
  values: ReferralFormValues;
  update: UpdateReferralForm;
  errors: FormErrors;
}

/**
 * Props for a part that needs only some of the form's values, so another form with the same answers (the referral
 * correction) can reuse it with its own values type.
 */
interface SubsetPartProps<V> {
  values: V;
  update: (update: (values: V) => V) => void;
  errors: FormErrors;
}

type ChildrenAtRiskValues = Pick<ReferralFormValues, 'childrenAtRisk'>;
type AwarenessValues = Pick<ReferralFormValues, 'residentAwareness' | 'residentAwarenessNote'>;
type LanguageValues = Pick<ReferralFormValues, 'preferredLanguage' | 'interpreterNeeded'>;

/** Moves focus to an element after React has rendered it. */
function focusSoon(id: string): void {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** A `<details>` that opens by itself when a field inside it has an error, so the error summary can reach it. */
export function Disclosure({
  summary,
  forceOpen,
  children,
}: {
  summary: string;
  forceOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(forceOpen);
  useEffect(() => {
    if (forceOpen) setOpen(true);
  }, [forceOpen]);
  return (
    <details className="nabij-disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="nabij-disclosure__summary">{summary}</summary>
      <div className="nabij-disclosure__content">{children}</div>
    </details>
  );
}

/** True when any of the dotted paths starting with one of `prefixes` has an error. */
export function hasErrorUnder(errors: FormErrors, prefixes: readonly string[]): boolean {
  return Object.keys(errors.fieldErrors).some((path) => prefixes.some((p) => path === p || path.startsWith(`${p}.`)));
}

export function ReferrerFields({ values, update, errors, labels }: PartProps & { labels: 'public' | 'desk' }) {
  const field = (name: keyof ReferrerValues, label: string, optional: boolean) => ({
    id: errors.idFor(`referrer.${name}`),
    label,
    value: values.referrer[name],
    onValueChange: (value: string) => update((v) => ({ ...v, referrer: { ...v.referrer, [name]: value } })),
    error: errors.errorFor(`referrer.${name}`),
    optional,
  });
  const isProfessional = values.referrerKind === 'professional';
  const isPublic = labels === 'public';
  return (
    <>
      <div className="nabij-form-row">
        <TextField
          {...field('name', isPublic ? t('public.referrerName') : t('register.referrerName'), !isPublic)}
          autoComplete={isPublic ? 'name' : 'off'}
        />
        {values.referrerKind !== 'self' ? (
          <TextField
            {...field('organisation', t('public.referrerOrganisation'), !isProfessional || !isPublic)}
            autoComplete={isPublic ? 'organization' : 'off'}
          />
        ) : null}
        {values.referrerKind !== 'self' ? (
          <TextField
            {...field('role', t('public.referrerRole'), true)}
            autoComplete={isPublic ? 'organization-title' : 'off'}
          />
        ) : null}
      </div>
      {isPublic ? <Paragraph>{t('public.contactDescription')}</Paragraph> : null}
      <div className="nabij-form-row">
        <TextField
          {...field('phone', t('public.referrerPhone'), !isPublic)}
          type="tel"
          autoComplete={isPublic ? 'tel' : 'off'}
        />
        <TextField
          {...field('email', t('public.referrerEmail'), !isPublic)}
          type="email"
          autoComplete={isPublic ? 'email' : 'off'}
          spellCheck={false}
          description={isPublic ? t('public.referrerEmailDescription') : undefined}
        />
      </div>
    </>
  );
}

type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The address rows of a person, shared with the referral correction; `field` gives each text field's props. */
export function AddressRows({
  field,
  postcodeDescription,
}: {
  field: (f: AddressField) => ComponentProps<typeof TextField>;
  postcodeDescription?: string;
}) {
  return (
    <>
      <div className="nabij-form-row">
        <TextField {...field('street')} />
        <TextField {...field('houseNumber')} inputMode="numeric" className="nabij-field--short" />
        <TextField {...field('houseNumberAddition')} className="nabij-field--short" />
      </div>
      <div className="nabij-form-row">
        <TextField {...field('postcode')} description={postcodeDescription} className="nabij-field--short" />
        <TextField {...field('city')} />
      </div>
    </>
  );
}

function ResidentFieldset({
  index,
  resident,
  errors,
  onChange,
  onRemove,
  compact,
  showRelation,
}: {
  index: number;
  resident: ResidentValues;
  errors: FormErrors;
  onChange: (resident: ResidentValues) => void;
  onRemove: (() => void) | undefined;
  compact: boolean;
  /** More than one person on the referral: ask who this is in the household. */
  showRelation: boolean;
}) {
  const path = (f: ResidentField) => `residents.${index}.${f}`;
  const text = (f: ResidentField, optional = true) => ({
    id: errors.idFor(path(f)),
    label: t(`person.${f}`),
    value: resident[f],
    onValueChange: (value: string) => onChange({ ...resident, [f]: value }),
    error: errors.errorFor(path(f)),
    optional,
    autoComplete: 'off',
  });
  // The address is asked once per household (ADR 0029): a further resident lives at the first one's unless unticked.
  const ownAddress = index === 0 || !resident.sameAddress;
  const addressFields = <AddressRows field={text} postcodeDescription={t('personForm.postcodeDescription')} />;
  const more = (
    <>
      {/* The public form asks day, month and year in three boxes (issue #19 item 5); the desk keeps the date input. */}
      {compact ? null : (
        <DateOfBirthField
          id={errors.idFor(path('dateOfBirth'))}
          legend={t('person.dateOfBirth')}
          value={resident.dateOfBirth}
          onValueChange={(dateOfBirth) => onChange({ ...resident, dateOfBirth })}
          error={errors.errorFor(path('dateOfBirth'))}
          optional
        />
      )}
      <div className="nabij-form-row">
        {compact ? <TextField {...text('dateOfBirth')} type="date" /> : null}
        <TextField
          {...text('bsn')}
          description={t('personForm.bsnDescription')}
          inputMode="numeric"
          spellCheck={false}
        />
      </div>
      {index > 0 ? (
        <CheckboxField
          id={errors.idFor(`residents.${index}.sameAddress`)}
          label={t('public.sameAddress')}
          checked={resident.sameAddress}
          onCheckedChange={(sameAddress) => onChange({ ...resident, sameAddress })}
        />
      ) : null}
      {ownAddress ? (
        <>
          {/* Without a fixed address (caravan, homeless, postal address) the kind is the answer, not an incomplete referral. */}
          <SelectField
            id={errors.idFor(path('noFixedAddress'))}
            label={t('public.addressSituation')}
            value={resident.noFixedAddress}
            choices={NO_FIXED_ADDRESS_KINDS.map((kind) => ({
              value: kind,
              label: t('public.addressSituationNone', { kind: t(`noFixedAddress.${kind}`) }),
            }))}
            onValueChange={(noFixedAddress) => onChange({ ...resident, noFixedAddress })}
            error={errors.errorFor(path('noFixedAddress'))}
            emptyLabel={t('public.addressSituationFixed')}
            description={t('public.noFixedAddressDescription')}
          />
          {resident.noFixedAddress === '' || resident.noFixedAddress === 'postal_address' ? addressFields : null}
        </>
      ) : null}
    </>
  );
  const hiddenHasError = hasErrorUnder(
    errors,
    ['dateOfBirth', 'bsn', 'street', 'houseNumber', 'houseNumberAddition', 'postcode', 'city', 'noFixedAddress'].map(
      (f) => `residents.${index}.${f}`,
    ),
  );
  return (
    <Fieldset className="nabij-repeat">
      <FieldsetLegend>{t('public.residentLegend', { number: index + 1 })}</FieldsetLegend>
      <div className="nabij-form-row">
        <TextField {...text('firstName', false)} required />
        <TextField {...text('infix')} className="nabij-field--short" />
        <TextField {...text('lastName', false)} required />
      </div>
      {showRelation ? (
        <SelectField
          id={errors.idFor(path('relation'))}
          label={t('public.residentRelation')}
          value={resident.relation}
          choices={relationChoices()}
          onValueChange={(relation) => onChange({ ...resident, relation })}
          error={errors.errorFor(path('relation'))}
          emptyLabel={t('public.residentRelationEmpty')}
          description={t('public.residentRelationDescription')}
        />
      ) : null}
      <TextField {...text('phone')} type="tel" />
      {compact ? (
        <Disclosure summary={t('register.moreResident')} forceOpen={hiddenHasError}>
          {more}
        </Disclosure>
      ) : (
        more
      )}
      {onRemove ? (
        <ButtonGroup>
          <Button type="button" appearance="subtle-button" onClick={onRemove}>
            {t('public.removeResident', { number: index + 1 })}
          </Button>
        </ButtonGroup>
      ) : null}
    </Fieldset>
  );
}

/** One to four adult residents. `compact` tucks date of birth, BSN and address away (desk registration). */
export function ResidentsFields({ values, update, errors, compact }: PartProps & { compact: boolean }) {
  const addButton = useRef<HTMLButtonElement>(null);
  const setResident = (index: number, resident: ResidentValues) =>
    update((v) => ({ ...v, residents: v.residents.map((r, i) => (i === index ? resident : r)) }));
  return (
    <>
      {errors.errorFor('residents') ? (
        <Paragraph id={errors.idFor('residents')} tabIndex={-1} className="nabij-inline-error">
          {errors.errorFor('residents')}
        </Paragraph>
      ) : null}
      {values.residents.map((resident, index) => (
        <ResidentFieldset
          key={index}
          index={index}
          resident={resident}
          errors={errors}
          compact={compact}
          showRelation={values.residents.length + values.children.length > 1}
          onChange={(r) => setResident(index, r)}
          onRemove={
            index > 0
              ? () => {
                  update((v) => ({ ...v, residents: v.residents.filter((_, i) => i !== index) }));
                  window.setTimeout(() => addButton.current?.focus(), 0);
                }
              : undefined
          }
        />
      ))}
      {values.residents.length < MAX_RESIDENTS ? (
        <ButtonGroup>
          <Button
            ref={addButton}
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              const index = values.residents.length;
              update((v) => ({ ...v, residents: [...v.residents, { ...EMPTY_RESIDENT }] }));
              focusSoon(errors.idFor(`residents.${index}.firstName`));
            }}
          >
            {t('public.addResident')}
          </Button>
        </ButtonGroup>
      ) : (
        <Paragraph>{t('public.maxResidents', { count: MAX_RESIDENTS })}</Paragraph>
      )}
    </>
  );
}

/** Children under 18: optional first name and age, as rows to add and remove. */
export function ChildrenFields({ values, update, errors }: PartProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const setChild = (index: number, field: 'firstName' | 'age', value: string) =>
    update((v) => ({ ...v, children: v.children.map((c, i) => (i === index ? { ...c, [field]: value } : c)) }));
  return (
    <>
      <Paragraph>{t('public.childrenIntro')}</Paragraph>
      {values.children.map((child, index) => (
        <Fieldset key={index} className="nabij-repeat">
          <FieldsetLegend>{t('public.childLegend', { number: index + 1 })}</FieldsetLegend>
          <div className="nabij-form-row nabij-form-row--end">
            <TextField
              id={errors.idFor(`children.${index}.firstName`)}
              label={t('public.childFirstName')}
              value={child.firstName}
              onValueChange={(value) => setChild(index, 'firstName', value)}
              error={errors.errorFor(`children.${index}.firstName`)}
              optional
              autoComplete="off"
            />
            <TextField
              id={errors.idFor(`children.${index}.age`)}
              label={t('public.childAge')}
              value={child.age}
              onValueChange={(value) => setChild(index, 'age', value)}
              error={errors.errorFor(`children.${index}.age`)}
              inputMode="numeric"
              autoComplete="off"
              className="nabij-field--short"
            />
            <ButtonGroup>
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => {
                  update((v) => ({ ...v, children: v.children.filter((_, i) => i !== index) }));
                  window.setTimeout(() => addButton.current?.focus(), 0);
                }}
              >
                {t('public.removeChild', { number: index + 1 })}
              </Button>
            </ButtonGroup>
          </div>
        </Fieldset>
      ))}
      {values.children.length < MAX_CHILDREN ? (
        <ButtonGroup>
          <Button
            ref={addButton}
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              const index = values.children.length;
              update((v) => ({ ...v, children: [...v.children, { ...EMPTY_CHILD }] }));
              focusSoon(errors.idFor(`children.${index}.firstName`));
            }}
          >
            {t('public.addChild')}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}

/**
 * The life domains, by default with the plain labels residents read (ADR 0040); the intake desk passes the ZRM
 * names (`domain.<code>`) as `domainLabel`.
 */
export function LifeDomainsField({
  values,
  update,
  errors,
  legend,
  domainLabel = plainDomainLabel,
}: PartProps & { legend?: string; domainLabel?: (domain: string) => string }) {
  return (
    <CheckboxGroupField
      id={errors.idFor('lifeDomains')}
      legend={legend ?? t('public.lifeDomains')}
      description={t('public.lifeDomainsDescription')}
      values={values.lifeDomains}
      choices={LIFE_DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))}
      onValuesChange={(lifeDomains) => update((v) => ({ ...v, lifeDomains }))}
      error={errors.errorFor('lifeDomains')}
    />
  );
}

export function QuestionField({ values, update, errors }: PartProps) {
  return (
    <TextAreaField
      id={errors.idFor('question')}
      label={t('public.question')}
      description={t('public.questionDescription')}
      value={values.question}
      onValueChange={(question) => update((v) => ({ ...v, question }))}
      error={errors.errorFor('question')}
      rows={6}
      required
    />
  );
}

export function TriedField({ values, update, errors }: PartProps) {
  return (
    <TextAreaField
      id={errors.idFor('tried')}
      label={t('public.tried')}
      value={values.tried}
      onValueChange={(tried) => update((v) => ({ ...v, tried }))}
      error={errors.errorFor('tried')}
      optional
    />
  );
}

export function UrgencyField({ values, update, errors }: PartProps) {
  return (
    <RadioGroupField
      id={errors.idFor('urgency')}
      legend={t('public.urgency')}
      value={values.urgency}
      choices={labelledChoices(URGENCIES, 'urgency')}
      onValueChange={(urgency) => update((v) => ({ ...v, urgency }))}
      error={errors.errorFor('urgency')}
      inline
    />
  );
}

export function ChildrenAtRiskField<V extends ChildrenAtRiskValues>({
  values,
  update,
  errors,
  description,
}: SubsetPartProps<V> & { description?: string }) {
  return (
    <RadioGroupField
      id={errors.idFor('childrenAtRisk')}
      legend={t('public.childrenAtRisk')}
      description={description}
      value={values.childrenAtRisk}
      choices={labelledChoices(['yes', 'no', 'unknown'] satisfies (typeof CHILD_RISK)[number][], 'childRisk')}
      onValueChange={(childrenAtRisk) => update((v) => ({ ...v, childrenAtRisk }))}
      error={errors.errorFor('childrenAtRisk')}
      inline
    />
  );
}

export function SafetyNotesField({ values, update, errors }: PartProps) {
  return (
    <TextAreaField
      id={errors.idFor('safetyNotes')}
      label={t('public.safetyNotes')}
      description={t('public.safetyNotesDescription')}
      value={values.safetyNotes}
      onValueChange={(safetyNotes) => update((v) => ({ ...v, safetyNotes }))}
      error={errors.errorFor('safetyNotes')}
      optional
    />
  );
}

export function AwarenessFields<V extends AwarenessValues>({ values, update, errors }: SubsetPartProps<V>) {
  return (
    <>
      <RadioGroupField
        id={errors.idFor('residentAwareness')}
        legend={t('public.awareness')}
        value={values.residentAwareness}
        choices={labelledChoices(AWARENESS, 'awareness')}
        onValueChange={(residentAwareness) => update((v) => ({ ...v, residentAwareness }))}
        error={errors.errorFor('residentAwareness')}
      />
      <TextAreaField
        id={errors.idFor('residentAwarenessNote')}
        label={t('public.awarenessNote')}
        value={values.residentAwarenessNote}
        onValueChange={(residentAwarenessNote) => update((v) => ({ ...v, residentAwarenessNote }))}
        error={errors.errorFor('residentAwarenessNote')}
        rows={2}
        optional
      />
    </>
  );
}

/** The household's language and whether an interpreter is needed: asked from the start (issue #17 item 10). */
export function LanguageFields<V extends LanguageValues>({ values, update, errors }: SubsetPartProps<V>) {
  return (
    <Fieldset>
      <FieldsetLegend>{t('language.legend')}</FieldsetLegend>
      <TextField
        id={errors.idFor('preferredLanguage')}
        label={t('language.preferred')}
        description={t('language.preferredDescription')}
        value={values.preferredLanguage}
        onValueChange={(preferredLanguage) => update((v) => ({ ...v, preferredLanguage }))}
        error={errors.errorFor('preferredLanguage')}
        optional
        autoComplete="off"
      />
      <CheckboxField
        id={errors.idFor('interpreterNeeded')}
        label={t('language.interpreterNeeded')}
        checked={values.interpreterNeeded}
        onCheckedChange={(interpreterNeeded) => update((v) => ({ ...v, interpreterNeeded }))}
        error={errors.errorFor('interpreterNeeded')}
      />
    </Fieldset>
  );
}

/** A titled part of a long form. */
export function FormSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="nabij-form-section">
      <Heading2 id={id}>{heading}</Heading2>
      {children}
    </section>
  );
}
