import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { t } from '../app/i18n';

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextFieldProps extends NativeInputProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** Adds "(niet verplicht)" to the label. */
  optional?: boolean;
}

/** A labelled text input with description and error, wired with aria-invalid and aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  error,
  description,
  optional,
  className,
  ...inputProps
}: TextFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      className={className}
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id}>
          {label}
          {optional ? <span className="nabij-optional"> {t('form.optional')}</span> : null}
        </FormLabel>
      }
      description={
        description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined
      }
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
      input={
        <Textbox
          {...inputProps}
          id={id}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      }
    />
  );
}
