import { recoveryCodeRequest, totpRequest, type AuthStep } from '@nabij/contracts';
import { Button, ButtonGroup, LinkButton, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useLoginStep } from './use-login-step';

const FIELDS = ['code'] as const;

/** Second login step: the six-digit code from the authenticator app, or a one-time recovery code. */
export function TotpPage() {
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  usePageTitle(t('totp.title'));
  const { redirect, carriedState, continueWith } = useLoginStep('totp');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('totp', FIELDS);

  if (redirect) return <Navigate to={redirect} replace state={carriedState} />;

  const switchMode = () => {
    setMode((m) => (m === 'totp' ? 'recovery' : 'totp'));
    setCode('');
    errors.clear();
    window.setTimeout(() => document.getElementById(errors.idFor('code'))?.focus(), 0);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const schema = mode === 'totp' ? totpRequest : recoveryCodeRequest;
    const parsed = schema.safeParse({ code: mode === 'totp' ? code.replace(/\s/g, '') : code });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const path = mode === 'totp' ? '/api/auth/totp' : '/api/auth/recovery';
      const { next } = await api.post<{ next: AuthStep }>(path, parsed.data);
      await continueWith(next);
    } catch (error) {
      setCode('');
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-narrow">
      <PageHeading>{t('totp.title')}</PageHeading>
      <Paragraph>{mode === 'totp' ? t('totp.intro') : t('totp.recoveryIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        {mode === 'totp' ? (
          <TextField
            key="totp"
            id={errors.idFor('code')}
            label={t('totp.code')}
            description={t('totp.codeDescription')}
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
        ) : (
          <TextField
            key="recovery"
            id={errors.idFor('code')}
            label={t('totp.recoveryCode')}
            description={t('totp.recoveryCodeDescription')}
            value={code}
            onValueChange={setCode}
            error={errors.errorFor('code')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('totp.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <LinkButton inline onClick={switchMode}>
          {mode === 'totp' ? t('totp.useRecovery') : t('totp.useApp')}
        </LinkButton>
      </Paragraph>
    </div>
  );
}
