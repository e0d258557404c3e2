import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { registeredRoutes } from './access-control.hooks';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('route policies', () => {
  it('every registered route declares an access policy', () => {
    expect(registeredRoutes.length).toBeGreaterThan(15);
    const without = registeredRoutes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(without).toEqual([]);
  });

  it('every route that is not public refuses a request without a session', async () => {
    const guarded = registeredRoutes.filter((r) => r.policy && r.policy.kind !== 'public' && r.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const r = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect([route.url, r.statusCode]).toEqual([route.url, 401]);
    }
  });
});
