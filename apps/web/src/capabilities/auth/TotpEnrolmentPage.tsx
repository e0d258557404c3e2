import { totpRequest, type AuthStep } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { qrImageSource } from './totp-display';
import { useLoginStep } from './use-login-step';

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

interface Confirmed {
  recoveryCodes: string[];
  next: AuthStep;
}

const FIELDS = ['code'] as const;

/** Setting up two-factor authentication: scan, confirm with a code, then store the recovery codes. */
export function TotpEnrolmentPage() {
  usePageTitle(t('enrol.title'));
  // Also reachable when logged in ("Mijn werk" → set up two-factor); the API allows enrolment in a complete session.
  const { redirect, carriedState, continueWith } = useLoginStep('enrol_totp', { allowLoggedIn: true });
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [confirmed, setConfirmed] = useState<Confirmed | undefined>(undefined);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const recoveryHeading = useRef<HTMLHeadingElement>(null);
  const errors = useFormErrors('enrol', FIELDS);

  useEffect(() => {
    // Starting twice would make a second secret; guard against React's double effects in development.
    if (redirect || started.current) return;
    started.current = true;
    api
      .post<Enrolment>('/api/auth/totp/enrolment', {})
      .then(setEnrolment)
      .catch((error: unknown) => setLoadError(errorText(error)));
  }, [redirect]);

  useEffect(() => {
    if (confirmed) recoveryHeading.current?.focus();
  }, [confirmed]);

  if (redirect && !confirmed) return <Navigate to={redirect} replace state={carriedState} />;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = totpRequest.safeParse({ code: code.replace(/\s/g, '') });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<Confirmed>('/api/auth/totp/enrolment/confirm', parsed.data);
      errors.clear();
      setConfirmed(result);
    } catch (error) {
      setCode('');
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    if (!confirmed) return;
    setBusy(true);
    try {
      await continueWith(confirmed.next);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-narrow">
      <PageHeading>{t('enrol.title')}</PageHeading>
      {confirmed ? (
        <section aria-labelledby="enrol-recovery-heading" className="nabij-section">
          <Heading2 id="enrol-recovery-heading" ref={recoveryHeading} tabIndex={-1}>
            {t('enrol.recoveryHeading')}
          </Heading2>
          <Alert type="warning">
            <Paragraph>{t('enrol.recoveryWarning')}</Paragraph>
          </Alert>
          <Paragraph>{t('enrol.recoveryText')}</Paragraph>
          <OrderedList className="nabij-recovery-codes" data-testid="recovery-codes">
            {confirmed.recoveryCodes.map((recoveryCode) => (
              <OrderedListItem key={recoveryCode}>
                <code>{recoveryCode}</code>
              </OrderedListItem>
            ))}
          </OrderedList>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void finish()}>
              {t('enrol.continue')}
            </Button>
          </ButtonGroup>
        </section>
      ) : (
        <>
          <Paragraph>{t('enrol.intro')}</Paragraph>
          {loadError ? (
            <Alert type="error">
              <Paragraph>{loadError}</Paragraph>
            </Alert>
          ) : null}
          {!enrolment && !loadError ? <Loading /> : null}
          {enrolment ? (
            <>
              <section aria-labelledby="enrol-scan-heading" className="nabij-section">
                <Heading2 id="enrol-scan-heading">{t('enrol.scanHeading')}</Heading2>
                <Paragraph>{t('enrol.scanText')}</Paragraph>
                <img
                  className="nabij-qr"
                  src={qrImageSource(enrolment.qrSvg)}
                  alt={t('enrol.qrAlt')}
                  width={200}
                  height={200}
                />
                <Paragraph>{t('enrol.manualText')}</Paragraph>
                <p className="nabij-secret">
                  <code data-testid="totp-secret">{enrolment.secret}</code>
                </p>
              </section>
              <section aria-labelledby="enrol-confirm-heading" className="nabij-section">
                <Heading2 id="enrol-confirm-heading">{t('enrol.confirmHeading')}</Heading2>
                <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
                <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="enrol-confirm-heading">
                  <TextField
                    id={errors.idFor('code')}
                    label={t('totp.code')}
                    description={t('enrol.codeDescription')}
                    value={code}
                    onValueChange={setCode}
                    error={errors.errorFor('code')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    pattern="[0-9]*"
                    maxLength={7}
                    className="nabij-field--short"
                    required
                  />
                  <ButtonGroup>
                    <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                      {t('enrol.submit')}
                    </Button>
                  </ButtonGroup>
                </form>
              </section>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
