import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('starts without any configuration on the embedded database with demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      database: { url: undefined, dataDir: './data' },
      demoData: true,
      mfaRequiredRoles: [],
    });
  });

  it('requires two-factor for every role that sees personal data in production by default', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nabij' });
    expect(c.demoData).toBe(false);
    expect(c.mfaRequiredRoles).toEqual(
      expect.arrayContaining(['case_worker', 'intake_desk', 'privacy_officer', 'functional_admin']),
    );
    expect(c.mfaRequiredRoles).not.toContain('volunteer_host');
  });

  it('drains for 2 s before a shutdown in production (a load balancer in front), not in development', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nabij' }).shutdownDrainMs).toBe(2_000);
    expect(loadConfig({}).shutdownDrainMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DRAIN_MS: '500' }).shutdownDrainMs).toBe(500);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MFA_REQUIRED_ROLES: 'case_worker,wizard' }, 'MFA_REQUIRED_ROLES'],
    [{ NODE_ENV: 'production', DEMO_DATA: 'true' }, 'DEMO_DATA'],
    [{ OIDC_ISSUER: 'https://idp.example' }, 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_TENANT'],
    [{ OIDC_GROUP_ROLES: '{not json' }, 'OIDC_GROUP_ROLES'],
    [{ SHUTDOWN_DRAIN_MS: '-1' }, 'SHUTDOWN_DRAIN_MS'],
  ])('stops with a message naming the wrong variable: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
