/**
 * Error state of one form: field messages, a general message and the focus trigger for the summary.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  ApiError,
  FORM_ERROR_KEY,
  errorText,
  firstMessages,
  issuesToFieldErrors,
  issuesToPathFieldErrors,
  type ValidationIssue,
} from '../app/errors';
import type { ErrorSummaryItem } from './ErrorSummary';

export interface FormErrorState {
  fieldErrors: Record<string, string>;
  message: string | undefined;
  focusKey: number;
}

/** The id of a field's input: `${prefix}-${field}`. */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field}`;
}

/**
 * Summary items in the order of the form's fields (as given by `fieldOrder`); messages for fields the
 * form does not show (unknown server paths, whole-form rules) come last without a link.
 */
export function summaryItems(
  fieldErrors: Readonly<Record<string, string>>,
  fieldOrder: readonly string[],
  idFor: (field: string) => string,
): ErrorSummaryItem[] {
  const known = fieldOrder
    .filter((field) => fieldErrors[field] !== undefined)
    .map((field) => ({ fieldId: idFor(field), message: fieldErrors[field] ?? '' }));
  const rest = Object.entries(fieldErrors)
    .filter(([field]) => !fieldOrder.includes(field))
    .map(([, message]) => ({ message }));
  return [...known, ...rest];
}

export interface FormErrorOptions {
  /** Key client-side issues by their full dotted path (`residents.0.bsn`) instead of the top-level field. */
  nestedPaths?: boolean;
}

export function useFormErrors(prefix: string, fieldOrder: readonly string[], options: FormErrorOptions = {}) {
  const nestedPaths = options.nestedPaths ?? false;
  const [state, setState] = useState<FormErrorState>({ fieldErrors: {}, message: undefined, focusKey: 0 });

  const clear = useCallback(() => setState((s) => ({ fieldErrors: {}, message: undefined, focusKey: s.focusKey })), []);

  /** Shows client-side validation issues. */
  const showIssues = useCallback(
    (issues: readonly ValidationIssue[]) => {
      const all = firstMessages(nestedPaths ? issuesToPathFieldErrors(issues) : issuesToFieldErrors(issues));
      const { [FORM_ERROR_KEY]: formMessage, ...fieldErrors } = all;
      setState((s) => ({ fieldErrors, message: formMessage, focusKey: s.focusKey + 1 }));
    },
    [nestedPaths],
  );

  /** Shows a failed API call: the Dutch text for its code plus any field errors. */
  const showError = useCallback((error: unknown) => {
    const fieldErrors = error instanceof ApiError ? firstMessages(error.fieldErrors) : {};
    setState((s) => ({ fieldErrors, message: errorText(error), focusKey: s.focusKey + 1 }));
  }, []);

  /** Shows a message of the page's own (e.g. a conflict explanation). */
  const showMessage = useCallback((message: string) => {
    setState((s) => ({ fieldErrors: {}, message, focusKey: s.focusKey + 1 }));
  }, []);

  const idFor = useCallback((field: string) => fieldId(prefix, field), [prefix]);
  const items = useMemo(
    () => summaryItems(state.fieldErrors, fieldOrder, idFor),
    [state.fieldErrors, fieldOrder, idFor],
  );

  return {
    ...state,
    items,
    idFor,
    errorFor: (field: string): string | undefined => state.fieldErrors[field],
    clear,
    showIssues,
    showError,
    showMessage,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
