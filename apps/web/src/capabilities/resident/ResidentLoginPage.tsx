import { residentCodeRequest, residentCodeVerify } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { hasMessage, t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useResidentTitle } from './ResidentLayout';
import { useResidentSession } from './resident-session';

const EMAIL_FIELDS = ['email'] as const;
const CODE_FIELDS = ['code'] as const;

function digidErrorFrom(params: URLSearchParams): string | undefined {
  const code = params.get('fout');
  if (!code) return undefined;
  const key = `resident.login.error.${code}`;
  return hasMessage(key) ? t(key) : t('resident.login.error.digid_failed');
}

/**
 * Login to Mijn Nabij: with DigiD (production) or with a one-time code by e-mail (demo). Two steps on one page:
 * the address, then the code. The answer to the first step never tells whether the address is known.
 */
export function ResidentLoginPage() {
  useResidentTitle(t('resident.login.title'));
  const { session, refresh, notice } = useResidentSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [busy, setBusy] = useState(false);
  const emailErrors = useFormErrors('mijn-login', EMAIL_FIELDS);
  const codeErrors = useFormErrors('mijn-code', CODE_FIELDS);
  const sentRef = useRef<HTMLDivElement>(null);

  if (session.authenticated) return <Navigate to="/mijn" replace />;
  const digidError = digidErrorFrom(params);

  const askCode = async (event?: SyntheticEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const parsed = residentCodeRequest.safeParse({ email });
    if (!parsed.success) return emailErrors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      await api.post('/api/resident/login/code', parsed.data, { reportSessionLost: false });
      emailErrors.clear();
      codeErrors.clear();
      setCode('');
      setStep('code');
      // The code field is next; the notice above it is read first.
      requestAnimationFrame(() => sentRef.current?.focus());
    } catch (error) {
      emailErrors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const logIn = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentCodeVerify.safeParse({ email, code });
    if (!parsed.success) return codeErrors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      await api.post('/api/resident/login/verify', parsed.data, { reportSessionLost: false });
      await refresh();
      void navigate('/mijn', { replace: true });
    } catch (error) {
      setCode('');
      codeErrors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-narrow">
      <PageHeading>{t('resident.login.title')}</PageHeading>
      {notice === 'session_expired' ? (
        <Alert type="warning">
          <Paragraph>{t('resident.login.sessionExpired')}</Paragraph>
        </Alert>
      ) : null}
      {notice === 'logged_out' ? (
        <Alert type="ok">
          <Paragraph>{t('resident.login.loggedOut')}</Paragraph>
        </Alert>
      ) : null}
      {digidError ? (
        <Alert type="error">
          <Paragraph>{digidError}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t('resident.login.intro')}</Paragraph>
      {session.digidEnabled ? (
        <section aria-labelledby="mijn-digid-heading" className="nabij-section">
          <Heading2 id="mijn-digid-heading">{t('resident.login.digidHeading')}</Heading2>
          <Paragraph>{t('resident.login.digidText')}</Paragraph>
          <ButtonLink href="/api/resident/digid/start" appearance="primary-action-button">
            {t('resident.login.digidButton')}
          </ButtonLink>
        </section>
      ) : null}
      {session.emailLogin ? (
        <section aria-labelledby="mijn-email-heading" className="nabij-section">
          <Heading2 id="mijn-email-heading">{t('resident.login.emailHeading')}</Heading2>
          {step === 'email' ? (
            <>
              <Paragraph>{t('resident.login.emailText')}</Paragraph>
              <ErrorSummary message={emailErrors.message} items={emailErrors.items} focusKey={emailErrors.focusKey} />
              <form onSubmit={(e) => void askCode(e)} noValidate aria-labelledby="mijn-email-heading">
                <TextField
                  id={emailErrors.idFor('email')}
                  label={t('resident.login.email')}
                  type="email"
                  inputMode="email"
                  value={email}
                  onValueChange={setEmail}
                  error={emailErrors.errorFor('email')}
                  autoComplete="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                />
                <ButtonGroup>
                  <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                    {t('resident.login.sendCode')}
                  </Button>
                </ButtonGroup>
              </form>
            </>
          ) : (
            <>
              <Alert type="info" ref={sentRef} tabIndex={-1} role="status">
                <Paragraph>{t('resident.login.codeSent')}</Paragraph>
              </Alert>
              <ErrorSummary message={codeErrors.message} items={codeErrors.items} focusKey={codeErrors.focusKey} />
              <form onSubmit={(e) => void logIn(e)} noValidate aria-labelledby="mijn-email-heading">
                <TextField
                  id={codeErrors.idFor('code')}
                  label={t('resident.login.code')}
                  description={t('resident.login.codeHint')}
                  value={code}
                  onValueChange={setCode}
                  error={codeErrors.errorFor('code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                />
                <ButtonGroup>
                  <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                    {t('resident.login.submit')}
                  </Button>
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    disabled={busy}
                    onClick={() => void askCode()}
                  >
                    {t('resident.login.newCode')}
                  </Button>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => {
                      setStep('email');
                      codeErrors.clear();
                    }}
                  >
                    {t('resident.login.otherAddress')}
                  </Button>
                </ButtonGroup>
              </form>
            </>
          )}
        </section>
      ) : null}
      {!session.emailLogin && !session.digidEnabled ? (
        <Alert type="warning">
          <Paragraph>{t('resident.login.noLogin')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
