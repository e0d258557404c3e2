import { NO_FIXED_ADDRESS_KINDS } from '@nabij/contracts';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { SyntheticEvent, ReactNode } from 'react';
import { t } from '../../app/i18n';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import type { FormErrors } from '../../components/form-state';
import { TextField } from '../../components/TextField';
import type { PersonFormValues, PersonTextField } from './person-form-values';

interface PersonFormProps {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  errors: FormErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
  /** Accessible name of the form, by heading id. */
  labelledBy: string;
  /** Editing: also the estimated age and "no fixed address" (issue #17 item 9), which a registration does not ask. */
  withEstimates?: boolean;
  children?: ReactNode;
}

/** All fields of a person, grouped as a case worker thinks of them. */
export function PersonForm({
  values,
  onChange,
  errors,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  labelledBy,
  withEstimates = false,
  children,
}: PersonFormProps) {
  const text = (field: PersonTextField, options: { optional?: boolean } = { optional: true }) => ({
    id: errors.idFor(field),
    label: t(`person.${field}`),
    value: values[field],
    onValueChange: (value: string) => onChange({ ...values, [field]: value }),
    error: errors.errorFor(field),
    optional: options.optional ?? false,
  });

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="nabij-person-form">
      <Fieldset>
        <FieldsetLegend>{t('personForm.nameLegend')}</FieldsetLegend>
        <div className="nabij-form-row">
          <TextField {...text('firstName', { optional: false })} autoComplete="off" required />
          <TextField {...text('infix')} autoComplete="off" className="nabij-field--short" />
          <TextField {...text('lastName', { optional: false })} autoComplete="off" required />
        </div>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('personForm.identityLegend')}</FieldsetLegend>
        <div className="nabij-form-row">
          <TextField {...text('dateOfBirth')} type="date" autoComplete="off" />
          {withEstimates ? (
            <TextField
              {...text('ageGiven')}
              description={t('personForm.ageGivenDescription')}
              inputMode="numeric"
              autoComplete="off"
              className="nabij-field--short"
            />
          ) : null}
          <TextField
            {...text('bsn')}
            description={t('personForm.bsnDescription')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('personForm.addressLegend')}</FieldsetLegend>
        {withEstimates ? (
          // Without a fixed address (caravan, homeless, postal address) the kind is the answer; a postal address goes below.
          <SelectField
            id={errors.idFor('noFixedAddress')}
            label={t('public.addressSituation')}
            value={values.noFixedAddress}
            choices={NO_FIXED_ADDRESS_KINDS.map((kind) => ({
              value: kind,
              label: t('public.addressSituationNone', { kind: t(`noFixedAddress.${kind}`) }),
            }))}
            onValueChange={(noFixedAddress) => onChange({ ...values, noFixedAddress })}
            error={errors.errorFor('noFixedAddress')}
            emptyLabel={t('public.addressSituationFixed')}
            description={t('public.noFixedAddressDescription')}
          />
        ) : null}
        <div className="nabij-form-row">
          <TextField {...text('street')} autoComplete="off" />
          <TextField {...text('houseNumber')} inputMode="numeric" autoComplete="off" className="nabij-field--short" />
          <TextField {...text('houseNumberAddition')} autoComplete="off" className="nabij-field--short" />
        </div>
        <div className="nabij-form-row">
          <TextField
            {...text('postcode')}
            description={t('personForm.postcodeDescription')}
            autoComplete="off"
            className="nabij-field--short"
          />
          <TextField {...text('city')} autoComplete="off" />
        </div>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('personForm.contactLegend')}</FieldsetLegend>
        <div className="nabij-form-row">
          <TextField {...text('phone')} type="tel" autoComplete="off" />
          <TextField {...text('email')} type="email" autoComplete="off" spellCheck={false} />
        </div>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('personForm.languageLegend')}</FieldsetLegend>
        <TextField
          {...text('preferredLanguage')}
          description={t('personForm.languageDescription')}
          autoComplete="off"
        />
        <CheckboxField
          id={errors.idFor('interpreterNeeded')}
          label={t('person.interpreterNeeded')}
          checked={values.interpreterNeeded}
          onCheckedChange={(checked) => onChange({ ...values, interpreterNeeded: checked })}
          error={errors.errorFor('interpreterNeeded')}
        />
      </Fieldset>
      {children}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
