import type { Config } from '../../platform/config';
import type { SessionRow } from '../auth';

/**
 * Whether the session was confirmed with a second factor. A password login of a user with TOTP always passes
 * the code step; a user who turned TOTP on during the session confirmed a code then; a login through the
 * organisation's identity provider counts when that provider's own second factor is trusted (OIDC_TRUSTS_MFA),
 * and otherwise also goes through Nabij's code step when TOTP is on.
 */
export function usedSecondFactor(
  session: Pick<SessionRow, 'totpEnabled' | 'authMethod' | 'stage'> | undefined,
  config: Pick<Config, 'oidc'>,
): boolean {
  if (!session || session.stage !== 'done') return false;
  if (session.totpEnabled) return true;
  return session.authMethod === 'oidc' && config.oidc?.trustsMfa === true;
}
