import type { AuthStep } from '@nabij/contracts';
import { useLocation, useNavigate } from 'react-router';
import { LOGIN_PATH, pathForStep, readLoginState, safeReturnPath } from '../../app/auth-flow';
import { useSession } from '../../app/session';

/**
 * Shared logic of the login step pages: where to send a user who does not belong on this step
 * (`redirect`), and how to move on once the step succeeded (`continueWith`).
 */
export function useLoginStep(step: Exclude<AuthStep, 'done'>, options: { allowLoggedIn?: boolean } = {}) {
  const { user, pendingStep, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { from } = readLoginState(location.state);

  let redirect: string | undefined;
  if (pendingStep && pendingStep !== step) redirect = pathForStep(pendingStep);
  else if (!pendingStep && user && !options.allowLoggedIn) redirect = safeReturnPath(from);
  else if (!pendingStep && !user) redirect = LOGIN_PATH;

  const continueWith = async (next: AuthStep) => {
    await refresh();
    void navigate(pathForStep(next, from), { replace: true, state: from ? { from } : {} });
  };

  const carriedState = from ? { from } : {};
  return { redirect, carriedState, continueWith, from };
}
