import { changePasswordRequest, type AuthStep } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../app/api';
import type { ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useLoginStep } from './use-login-step';

const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

/** Forced (or voluntary) password change: current password, new password of at least 12 characters. */
export function ChangePasswordPage() {
  usePageTitle(t('password.title'));
  const { pendingStep } = useSession();
  const { redirect, carriedState, continueWith } = useLoginStep('change_password', { allowLoggedIn: true });
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const errors = useFormErrors('password', FIELDS);

  if (redirect) return <Navigate to={redirect} replace state={carriedState} />;

  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = changePasswordRequest.safeParse(values);
    const issues: ValidationIssue[] = parsed.success
      ? []
      : parsed.error.issues.map(({ path, message }) => ({ path, message }));
    if (values.repeatPassword !== values.newPassword) {
      issues.push({ path: ['repeatPassword'], message: t('password.mismatch') });
    }
    if (!parsed.success || issues.length > 0) {
      errors.showIssues(issues);
      return;
    }
    setBusy(true);
    try {
      const { next } = await api.post<{ next: AuthStep }>('/api/auth/password', parsed.data);
      errors.clear();
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      if (pendingStep) await continueWith(next);
      else setDone(true);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-narrow">
      <PageHeading>{t('password.title')}</PageHeading>
      {done ? (
        <Alert type="ok">
          <Paragraph>{t('password.changed')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{pendingStep ? t('password.introForced') : t('password.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        <TextField
          id={errors.idFor('currentPassword')}
          label={t('password.current')}
          type="password"
          value={values.currentPassword}
          onValueChange={set('currentPassword')}
          error={errors.errorFor('currentPassword')}
          autoComplete="current-password"
          required
        />
        <TextField
          id={errors.idFor('newPassword')}
          label={t('password.new')}
          description={t('password.newDescription')}
          type="password"
          value={values.newPassword}
          onValueChange={set('newPassword')}
          error={errors.errorFor('newPassword')}
          autoComplete="new-password"
          minLength={12}
          required
        />
        <TextField
          id={errors.idFor('repeatPassword')}
          label={t('password.repeat')}
          type="password"
          value={values.repeatPassword}
          onValueChange={set('repeatPassword')}
          error={errors.errorFor('repeatPassword')}
          autoComplete="new-password"
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('password.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
