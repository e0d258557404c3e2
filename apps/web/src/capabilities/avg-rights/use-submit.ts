/** The save flow of the privacy forms: validate with the contract, send, show errors or a confirmation. */
import { useState } from 'react';
import { api } from '../../app/api';
import type { ValidationIssue } from '../../app/errors';
import { useFormErrors } from '../../components/form-state';

type SafeParseResult =
  { success: true; data: unknown } | { success: false; error: { issues: readonly ValidationIssue[] } };
export interface Validator {
  safeParse(input: unknown): SafeParseResult;
}

export function useSubmit<T>(prefix: string, fields: readonly string[]) {
  const errors = useFormErrors(prefix, fields);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);

  /** Returns the answer when saved (and shows `savedText`), or undefined after showing the errors. */
  const submit = async (
    method: 'POST' | 'PUT',
    path: string,
    schema: Validator | null,
    input: unknown,
    savedText: string,
  ): Promise<T | undefined> => {
    let body = input;
    if (schema) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setSaved(undefined);
        errors.showIssues(parsed.error.issues);
        return undefined;
      }
      body = parsed.data;
    }
    setBusy(true);
    try {
      const answer = method === 'POST' ? await api.post<T>(path, body) : await api.put<T>(path, body);
      errors.clear();
      setSaved(savedText);
      return answer;
    } catch (error) {
      setSaved(undefined);
      errors.showError(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, saved, setSaved, submit };
}
