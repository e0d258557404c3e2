/** The save flow of the coordination forms: validate with the contract, send, show errors; a stale version reloads and says so. */
import { useState } from 'react';
import { ApiError } from '../../app/errors';
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { useFormErrors } from '../../components/form-state';

type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } };
export interface Schema<T> {
  safeParse(input: unknown): SafeParse<T>;
}

/**
 * One form's state: `submit` returns true when saved. On `version_conflict` it calls `onStale` (reload the newest
 * data) and shows a message; what the user typed stays in the form.
 */
export function useCoordinationForm(prefix: string, fields: readonly string[], options: { onStale?: () => void } = {}) {
  const errors = useFormErrors(prefix, fields, { nestedPaths: false });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);

  async function submit<T, R>(
    schema: Schema<T>,
    input: unknown,
    call: (data: T) => Promise<R>,
    onSaved: (result: R) => void,
    savedText: string,
  ): Promise<boolean> {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setSaved(undefined);
      errors.showIssues(parsed.error.issues);
      return false;
    }
    setBusy(true);
    try {
      const result = await call(parsed.data);
      errors.clear();
      setSaved(savedText);
      onSaved(result);
      return true;
    } catch (error) {
      setSaved(undefined);
      if (error instanceof ApiError && error.code === 'version_conflict' && options.onStale) {
        options.onStale();
        errors.showMessage(t('coordination.conflict'));
      } else {
        errors.showError(error);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { errors, busy, saved, submit };
}
