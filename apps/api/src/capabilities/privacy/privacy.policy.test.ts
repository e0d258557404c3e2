import { describe, expect, it } from 'vitest';
import { usedSecondFactor } from './privacy.policy';

const oidc = (trustsMfa: boolean) => ({
  oidc: {
    issuer: 'x',
    clientId: 'x',
    clientSecret: undefined,
    tenant: 'x',
    groupsClaim: 'groups',
    groupRoles: {},
    groupTeams: {},
    trustsMfa,
  },
});

describe('whether a session used a second factor', () => {
  it('counts a complete login of a user with TOTP, also through the identity provider', () => {
    expect(usedSecondFactor({ stage: 'done', authMethod: 'password', totpEnabled: true }, { oidc: undefined })).toBe(
      true,
    );
    expect(usedSecondFactor({ stage: 'done', authMethod: 'oidc', totpEnabled: true }, oidc(false))).toBe(true);
  });

  it('counts the identity provider’s own second factor only when it is trusted', () => {
    expect(usedSecondFactor({ stage: 'done', authMethod: 'oidc', totpEnabled: false }, oidc(true))).toBe(true);
    expect(usedSecondFactor({ stage: 'done', authMethod: 'oidc', totpEnabled: false }, oidc(false))).toBe(false);
  });

  it('does not count a password-only login, a half-way login or no session', () => {
    expect(usedSecondFactor({ stage: 'done', authMethod: 'password', totpEnabled: false }, oidc(true))).toBe(false);
    expect(usedSecondFactor({ stage: 'totp', authMethod: 'password', totpEnabled: true }, { oidc: undefined })).toBe(
      false,
    );
    expect(usedSecondFactor(undefined, { oidc: undefined })).toBe(false);
  });
});
