import { EMERGENCY_MAX_HOURS, emergencyAccessInput, type EmergencyAccessGrant } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDateTime } from '../intake/intake-format';
import './privacy.css';

const HOURS = Array.from({ length: EMERGENCY_MAX_HOURS }, (_, i) => EMERGENCY_MAX_HOURS - i);

/**
 * "Noodtoegang" on the no-access page of a case: a user who may read cases but has no relation to this one
 * can open it for viewing, for at most 8 hours, after giving a reason.
 */
export function EmergencyAccessPanel({ caseId, onGranted }: { caseId: string; onGranted: () => void }) {
  const { can } = useSession();
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState(String(EMERGENCY_MAX_HOURS));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('emergency', ['reason', 'hours']);
  if (!can('case:read')) return null;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = emergencyAccessInput.safeParse({ reason, hours: Number(hours) });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    api
      .post<EmergencyAccessGrant>(`/api/cases/${encodeURIComponent(caseId)}/emergency-access`, parsed.data)
      .then(() => onGranted())
      .catch((error: unknown) => {
        setBusy(false);
        errors.showError(error);
      });
  };

  return (
    <section aria-labelledby="emergency-heading" className="nabij-emergency-panel">
      <Heading2 id="emergency-heading">{t('emergency.heading')}</Heading2>
      <Paragraph>{t('emergency.intro')}</Paragraph>
      <Paragraph>{t('emergency.rules')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form aria-labelledby="emergency-heading" onSubmit={submit} noValidate>
        <TextAreaField
          id={errors.idFor('reason')}
          label={t('emergency.reason')}
          description={t('emergency.reasonDescription')}
          value={reason}
          onValueChange={setReason}
          error={errors.errorFor('reason')}
          rows={3}
          required
        />
        <SelectField
          id={errors.idFor('hours')}
          label={t('emergency.hours')}
          value={hours}
          choices={HOURS.map((h) => ({ value: String(h), label: t('emergency.hoursOption', { count: h }) }))}
          onValueChange={setHours}
          error={errors.errorFor('hours')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('emergency.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** On a case opened with emergency access: until when, and a button to stop early. */
export function EmergencyAccessNotice({ caseId, onEnded }: { caseId: string; onEnded: () => void }) {
  const mine = useResource<{ active: EmergencyAccessGrant | null }>(
    `/api/cases/${encodeURIComponent(caseId)}/emergency-access`,
  );
  const [busy, setBusy] = useState(false);
  const active = mine.data?.active;
  if (!active) return null;
  const end = () => {
    setBusy(true);
    api
      .post(`/api/cases/${encodeURIComponent(caseId)}/emergency-access/end`)
      .then(() => onEnded())
      .catch(() => setBusy(false));
  };
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>{t('emergency.heading')}.</strong> {t('emergency.active', { until: formatDateTime(active.expiresAt) })}
      </Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={end}>
          {t('emergency.end')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}
