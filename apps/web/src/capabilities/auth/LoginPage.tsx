import { loginRequest, type AuthStep } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { pathForStep, readLoginState, safeReturnPath } from '../../app/auth-flow';
import { hasMessage, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';

const FIELDS = ['username', 'password'] as const;

/** A failed organisation login comes back as `?fout=<code>` (or `?error=<code>`). */
function oidcErrorFrom(params: URLSearchParams): string | undefined {
  const code = params.get('fout') ?? params.get('error');
  if (!code) return undefined;
  const key = `error.${code}`;
  return hasMessage(key) ? t(key) : t('error.oidc_failed');
}

export function LoginPage() {
  usePageTitle(t('login.title'));
  const { session, user, refresh, notice: sessionNotice } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const loginState = readLoginState(location.state);
  const notice = loginState.notice ?? sessionNotice;
  const { from } = loginState;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('login', FIELDS);

  if (user) return <Navigate to={safeReturnPath(from)} replace />;

  const oidcError = oidcErrorFrom(params);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = loginRequest.safeParse({ username, password });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const { next } = await api.post<{ next: AuthStep }>('/api/auth/login', parsed.data);
      errors.clear();
      await refresh();
      void navigate(pathForStep(next, from), { state: from ? { from } : {} });
    } catch (error) {
      setPassword('');
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      {notice === 'session_expired' ? (
        <Alert type="warning">
          <Paragraph>{t('login.sessionExpired')}</Paragraph>
        </Alert>
      ) : null}
      {notice === 'logged_out' ? (
        <Alert type="ok">
          <Paragraph>{t('login.loggedOut')}</Paragraph>
        </Alert>
      ) : null}
      {oidcError ? (
        <Alert type="error">
          <Paragraph>{oidcError}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t('login.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        <TextField
          id={errors.idFor('username')}
          label={t('login.username')}
          value={username}
          onValueChange={setUsername}
          error={errors.errorFor('username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          id={errors.idFor('password')}
          label={t('login.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          error={errors.errorFor('password')}
          autoComplete="current-password"
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('login.submit')}
          </Button>
        </ButtonGroup>
      </form>
      {session.oidcEnabled ? (
        <section aria-labelledby="login-oidc-heading" className="nabij-section">
          <Heading2 id="login-oidc-heading">{t('login.oidcHeading')}</Heading2>
          <Paragraph>{t('login.oidcText')}</Paragraph>
          <ButtonLink href="/api/auth/oidc/start" appearance="secondary-action-button">
            {t('login.oidcButton')}
          </ButtonLink>
        </section>
      ) : null}
    </div>
  );
}
