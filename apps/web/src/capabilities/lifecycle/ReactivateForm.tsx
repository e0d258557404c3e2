import { reactivateInput } from '@nabij/contracts';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { TextAreaField } from '../../components/TextAreaField';
import type { Course } from './lifecycle-format';

const FIELDS = ['reason'] as const;

/** One-step reactivation: the reason, then the case is active again as a new episode. */
export function ReactivateForm({ caseId, onDone }: { caseId: string; onDone: (course: Course) => void }) {
  const errors = useFormErrors('reactivate', FIELDS);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = reactivateInput.safeParse({ reason });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const next = await api.post<Course>(`/api/cases/${encodeURIComponent(caseId)}/reactivation`, parsed.data);
      errors.clear();
      onDone(next);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="nabij-section">
      <Heading3 id="reactivate-heading">{t('course.reactivateHeading')}</Heading3>
      <Paragraph>{t('course.reactivateIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reactivate-heading">
        <TextAreaField
          id={errors.idFor('reason')}
          label={t('course.reactivateReason')}
          value={reason}
          onValueChange={setReason}
          error={errors.errorFor('reason')}
          rows={3}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('course.reactivate')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
