/** The shared save flow of the case file's small forms: validate with the contract, post, show errors or the result. */
import type { CaseOverview } from '@nabij/contracts';
import { useState } from 'react';
import { api } from '../../app/api';
import type { ValidationIssue } from '../../app/errors';
import { useFormErrors, type FormErrorOptions } from '../../components/form-state';

type SafeParseResult =
  { success: true; data: unknown } | { success: false; error: { issues: readonly ValidationIssue[] } };

export interface Validator {
  safeParse(input: unknown): SafeParseResult;
}

export function useCaseForm(
  prefix: string,
  fields: readonly string[],
  schema: Validator,
  path: string,
  onSaved: (overview: CaseOverview) => void,
  options: FormErrorOptions = {},
) {
  const errors = useFormErrors(prefix, fields, options);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);

  /** Returns true when saved; `savedText` is shown as confirmation. */
  const submit = async (input: unknown, savedText: string): Promise<boolean> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setSaved(undefined);
      errors.showIssues(parsed.error.issues);
      return false;
    }
    setBusy(true);
    try {
      const overview = await api.post<CaseOverview>(path, parsed.data);
      errors.clear();
      setSaved(savedText);
      onSaved(overview);
      return true;
    } catch (error) {
      setSaved(undefined);
      errors.showError(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { errors, busy, saved, submit };
}
