import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { t } from '../app/i18n';
import { CheckboxField } from './CheckboxField';
import { toggleValue } from './choices';
import type { SelectChoice } from './SelectField';

interface CheckboxGroupFieldProps {
  /** The id of the first checkbox (the target of the error summary link); the others get `${id}-${value}`. */
  id: string;
  legend: ReactNode;
  values: readonly string[];
  choices: readonly SelectChoice[];
  onValuesChange: (values: string[]) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
}

/** A fieldset of checkboxes in columns, with a legend, description and error. */
export function CheckboxGroupField({
  id,
  legend,
  values,
  choices,
  onValuesChange,
  error,
  description,
  optional,
}: CheckboxGroupFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  const order = choices.map((c) => c.value);
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
      <FieldsetLegend>
        {legend}
        {optional ? <span className="nabij-optional"> {t('form.optional')}</span> : null}
      </FieldsetLegend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="nabij-checkbox-columns">
        {choices.map((choice, index) => (
          <CheckboxField
            key={choice.value}
            id={index === 0 ? id : `${id}-${choice.value}`}
            label={choice.label}
            checked={values.includes(choice.value)}
            onCheckedChange={(on) => onValuesChange(toggleValue(values, choice.value, on, order))}
          />
        ))}
      </div>
    </Fieldset>
  );
}
