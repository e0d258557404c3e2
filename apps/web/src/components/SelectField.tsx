import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export interface SelectChoice {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  choices: readonly SelectChoice[];
  onValueChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** Text of an empty first option ("Kies …"); leave out when a value is always chosen. */
  emptyLabel?: string;
  required?: boolean;
}

/** A labelled select with description and error. */
export function SelectField({
  id,
  label,
  value,
  choices,
  onValueChange,
  error,
  description,
  emptyLabel,
  required,
}: SelectFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined
      }
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Select
          id={id}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          required={required}
        >
          {emptyLabel !== undefined ? <SelectOption value="">{emptyLabel}</SelectOption> : null}
          {choices.map((choice) => (
            <SelectOption key={choice.value} value={choice.value}>
              {choice.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}
