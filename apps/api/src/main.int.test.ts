import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appCommand } from '../test/app-command';

function start(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return spawnSync(process.execPath, appCommand(), { env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('starting the app', () => {
  it('stops with a clear message and a non-zero exit when a setting is wrong', () => {
    const r = start({ PORT: 'zeven' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
  });

  it('stops with a clear message and a non-zero exit when the database cannot be reached', () => {
    const r = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nabij' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Cannot reach the database at DATABASE_URL');
  });

  it('refuses demo data in production', () => {
    const r = start({
      NODE_ENV: 'production',
      DEMO_DATA: 'true',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nabij',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('demo data is refused');
  });
});
