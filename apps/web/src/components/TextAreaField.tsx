import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
} from '@utrecht/component-library-react';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { t } from '../app/i18n';

type NativeTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'>;

interface TextAreaFieldProps extends NativeTextareaProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** Adds "(niet verplicht)" to the label. */
  optional?: boolean;
}

/** A labelled multi-line text input with description and error, wired like `TextField`. */
export function TextAreaField({
  id,
  label,
  value,
  onValueChange,
  error,
  description,
  optional,
  className,
  rows,
  ...props
}: TextAreaFieldProps) {
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
        <Textarea
          {...props}
          id={id}
          rows={rows ?? 4}
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
