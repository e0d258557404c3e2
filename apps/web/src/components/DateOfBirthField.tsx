import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import { t } from '../app/i18n';
import { fromDateParts, toDateParts, type DateParts } from './date-parts';

/**
 * A date people know by heart (a date of birth) typed as day, month and year in three boxes — no date format to
 * decode and no calendar to scroll back decades (issue #19 item 5). `id` is the day box's, so an error summary link
 * lands on the first box; the value is "jaar-maand-dag" (see `date-parts.ts`).
 */
export function DateOfBirthField({
  id,
  legend,
  value,
  onValueChange,
  error,
  optional,
}: {
  id: string;
  legend: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
}) {
  const parts = toDateParts(value);
  const describedBy = [error ? `${id}-error` : '', `${id}-description`].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, boxId: string, maxLength: number) => (
    <FormField
      className="nabij-field--short nabij-date-part"
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={boxId}>{t(`dateOfBirth.${part}`)}</FormLabel>}
      input={
        <Textbox
          id={boxId}
          value={parts[part]}
          onChange={(event) => onValueChange(fromDateParts({ ...parts, [part]: event.target.value }))}
          inputMode="numeric"
          maxLength={maxLength}
          autoComplete="off"
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      }
    />
  );
  return (
    <Fieldset invalid={Boolean(error)}>
      <FieldsetLegend>
        {legend}
        {optional ? <span className="nabij-optional"> {t('form.optional')}</span> : null}
      </FieldsetLegend>
      <FormFieldDescription id={`${id}-description`}>{t('dateOfBirth.hint')}</FormFieldDescription>
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className="nabij-form-row">
        {box('day', id, 2)}
        {box('month', `${id}-month`, 2)}
        {box('year', `${id}-year`, 4)}
      </div>
    </Fieldset>
  );
}
