import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { t } from '../app/i18n';
import type { SelectChoice } from './SelectField';

interface RadioGroupFieldProps {
  /** The id of the first radio button (the target of the error summary link); the others get `${id}-${value}`. */
  id: string;
  legend: ReactNode;
  value: string;
  choices: readonly SelectChoice[];
  onValueChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  /** Shows the choices next to each other when there is room. */
  inline?: boolean;
}

/** A fieldset of radio buttons with a legend, description and error. */
export function RadioGroupField({
  id,
  legend,
  value,
  choices,
  onValueChange,
  error,
  description,
  optional,
  inline,
}: RadioGroupFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy} className="nabij-radio-group">
      <FieldsetLegend>
        {legend}
        {optional ? <span className="nabij-optional"> {t('form.optional')}</span> : null}
      </FieldsetLegend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div
        className={
          inline ? 'nabij-radio-group__options nabij-radio-group__options--inline' : 'nabij-radio-group__options'
        }
      >
        {choices.map((choice, index) => {
          const optionId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <FormField key={choice.value} type="radio">
              <div className="nabij-checkbox">
                <RadioButton
                  id={optionId}
                  name={id}
                  value={choice.value}
                  checked={value === choice.value}
                  onChange={() => onValueChange(choice.value)}
                  invalid={Boolean(error)}
                />
                <FormLabel htmlFor={optionId} type="radio" checked={value === choice.value}>
                  {choice.label}
                </FormLabel>
              </div>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}
