import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  error?: string | undefined;
  description?: ReactNode;
  name?: string;
  value?: string;
}

/** One checkbox with its label to the right, plus optional description and error. */
export function CheckboxField({
  id,
  label,
  checked,
  onCheckedChange,
  error,
  description,
  name,
  value,
}: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField type="checkbox" invalid={Boolean(error)} className="nabij-checkbox-field">
      <div className="nabij-checkbox">
        <Checkbox
          id={id}
          name={name}
          value={value}
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          invalid={Boolean(error)}
          aria-describedby={describedBy}
        />
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      </div>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
    </FormField>
  );
}
