import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLoggedInUser, buildTenant } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

/** Issue #21 item 5: each municipality its own house style (ADR 0054). */

let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let other: { id: string; slug: string; teamId: string };
let admin: Agent;
let otherAdmin: Agent;

// The smallest valid PNG (1×1, transparent) and JPEG signatures; the server checks the bytes, not the name.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const style = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'Gemeente Huisstijl',
  primaryColor: '#14532d',
  primaryTextColor: '#ffffff',
  linkColor: '#14532d',
  focusColor: '#7a4b00',
  fontFamily: 'verdana',
  version: 0,
  ...overrides,
});

async function changes(tenantId: string): Promise<number> {
  return t.db.inSystem(async (tx) => {
    const rows = await tx
      .selectFrom('access_log')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('event', '=', 'house_style.changed')
      .execute();
    return rows.length;
  });
}

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db, { name: 'Gemeente Huisstijl' });
  other = await buildTenant(t.db, { name: 'Gemeente Ander' });
  admin = (await buildLoggedInUser(t, tenant, ['functional_admin'])).agent;
  otherAdmin = (await buildLoggedInUser(t, other, ['functional_admin'])).agent;
});
afterAll(() => t.close());

describe('the house style of a municipality', () => {
  it('starts as the neutral default with the municipality’s own name, and the session says where to find it', async () => {
    const view = await admin.get('/api/admin/house-style');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      displayName: 'Gemeente Huisstijl',
      primaryColor: '#0b4f6c',
      hasLogo: false,
      logoHref: null,
      version: 0,
    });
    expect((await admin.get('/api/auth/session')).json().user.tenantSlug).toBe(tenant.slug);
    const css = await t.agent().get(`/api/public/house-style/${tenant.slug}/theme.css`);
    expect(css.statusCode).toBe(200);
    expect(css.body).not.toContain('--nabij-brand-primary-color');
  });

  it('refuses a colour pair below the WCAG minimum with a Dutch message naming the pair and the ratio, and stores nothing', async () => {
    const r = await admin.put('/api/admin/house-style', style({ primaryColor: '#7fb3d5', linkColor: '#8fbc8f' }));
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('validation_failed');
    expect(body.fieldErrors.primaryTextColor[0]).toBe(
      'Te weinig contrast tussen de tekstkleur op de hoofdkleur (#ffffff op #7fb3d5): 2,25:1. Voor tekst is ten minste 4,5:1 nodig.',
    );
    expect(body.fieldErrors.primaryColor[0]).toContain('de hoofdkleur op de witte pagina');
    expect(body.fieldErrors.primaryColor[0]).toContain('ten minste 3,0:1');
    expect(body.fieldErrors.linkColor[0]).toContain('de linkkleur op de witte pagina (#8fbc8f op #ffffff)');
    // A focus colour too light for 3:1 is refused as well.
    const focus = await admin.put('/api/admin/house-style', style({ focusColor: '#ffcc00' }));
    expect(focus.statusCode).toBe(400);
    expect(focus.json().fieldErrors.focusColor[0]).toContain('de focuskleur op de witte pagina');
    expect((await admin.get('/api/admin/house-style')).json().version).toBe(0);
    expect(await changes(tenant.id)).toBe(0);
  });

  it('refuses anything but a #rrggbb colour and a font of the list, so no free text reaches the stylesheet', async () => {
    const r = await admin.put(
      '/api/admin/house-style',
      style({ primaryColor: 'red;} body{display:none', fontFamily: 'Comic Sans' }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors.primaryColor[0]).toBe('Vul de hoofdkleur in als #rrggbb, bijvoorbeeld #0b4f6c.');
    expect(r.json().fieldErrors.fontFamily[0]).toBe('Kies een lettertype uit de lijst.');
    expect(await changes(tenant.id)).toBe(0);
  });

  it('saves a valid style with a log row, serves it as this municipality’s stylesheet only, and caches it by ETag', async () => {
    const saved = await admin.put('/api/admin/house-style', style({ primaryColor: '#14532D ' }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ primaryColor: '#14532d', fontFamily: 'verdana', version: 1 });
    expect(await changes(tenant.id)).toBe(1);
    const row = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['action', 'data_category', 'outcome', 'detail'])
        .where('tenant_id', '=', tenant.id)
        .where('event', '=', 'house_style.changed')
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ action: 'update', data_category: 'configuration', outcome: 'allowed' });
    expect(row.detail).toMatchObject({ primaryColor: '#14532d', logo: 'kept' });

    const css = await t.agent().get(saved.json().themeHref);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toBe('no-cache');
    expect(css.body).toContain('body.nabij-theme {');
    expect(css.body).toContain('--nabij-brand-primary-color: #14532d;');
    expect(css.body).toContain('--nabij-brand-focus-color: #7a4b00;');
    expect(css.body).toContain("--nabij-brand-font-family: Verdana, 'DejaVu Sans', Geneva, sans-serif;");
    const etag = css.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await t.agent().request('GET', `/api/public/house-style/${tenant.slug}/theme.css`, undefined, {
      'if-none-match': etag,
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // The other municipality keeps the default; its stylesheet carries nothing of this one.
    const otherCss = await t.agent().get(`/api/public/house-style/${other.slug}/theme.css`);
    expect(otherCss.statusCode).toBe(200);
    expect(otherCss.body).not.toContain('#14532d');
    expect(otherCss.headers.etag).not.toBe(etag);
    expect((await otherAdmin.get('/api/admin/house-style')).json()).toMatchObject({
      displayName: 'Gemeente Ander',
      version: 0,
    });
    expect(await changes(other.id)).toBe(0);
    const pub = await t.agent().get(`/api/public/house-style/${tenant.slug}`);
    expect(pub.json()).toEqual({
      displayName: 'Gemeente Huisstijl',
      themeHref: `/api/public/house-style/${tenant.slug}/theme.css?v=1`,
      logoHref: null,
    });
    expect((await t.agent().get('/api/public/house-style/bestaat-niet/theme.css')).statusCode).toBe(404);
  });

  it('refuses a save based on an older version with 409 and changes nothing', async () => {
    const stale = await admin.put('/api/admin/house-style', style({ primaryColor: '#1a1a2e', version: 0 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const old = await admin.put('/api/admin/house-style', style({ primaryColor: '#1a1a2e', version: 7 }));
    expect(old.statusCode).toBe(409);
    expect((await admin.get('/api/admin/house-style')).json()).toMatchObject({ primaryColor: '#14532d', version: 1 });
    expect(await changes(tenant.id)).toBe(1);
  });

  it('takes a PNG or JPEG logo of at most 200 kB, checked by its bytes; SVG and other files are refused', async () => {
    const put = (logo: unknown, version: number) => admin.put('/api/admin/house-style', style({ logo, version }));
    const svg = await put({ contentType: 'image/svg+xml', contentBase64: SVG.toString('base64') }, 1);
    expect(svg.statusCode).toBe(400);
    expect(svg.json().fieldErrors['logo.contentType'][0]).toBe(
      'Een logo moet een PNG- of JPEG-bestand zijn (geen SVG).',
    );
    const disguised = await put({ contentType: 'image/png', contentBase64: SVG.toString('base64') }, 1);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().fieldErrors.logo[0]).toBe('Een logo moet een PNG- of JPEG-bestand zijn (geen SVG).');
    const wrongType = await put({ contentType: 'image/png', contentBase64: JPEG.toString('base64') }, 1);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().fieldErrors.logo[0]).toBe('Het bestand is geen PNG.');
    const big = Buffer.concat([PNG, Buffer.alloc(200 * 1024)]);
    const tooBig = await put({ contentType: 'image/png', contentBase64: big.toString('base64') }, 1);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().fieldErrors['logo.contentBase64'][0]).toBe('Een logo mag hoogstens 200 kB zijn.');
    expect(await changes(tenant.id)).toBe(1);

    const ok = await put({ contentType: 'image/png', contentBase64: PNG.toString('base64') }, 1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ hasLogo: true, version: 2 });
    const logo = await t.agent().get(ok.json().logoHref);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    expect(logo.headers.etag).toBeDefined();
    expect((await t.agent().get(`/api/public/house-style/${other.slug}/logo`)).statusCode).toBe(404);

    // Saving without a logo keeps it; null removes it.
    const kept = await put(undefined, 2);
    expect(kept.json()).toMatchObject({ hasLogo: true, version: 3 });
    const removed = await put(null, 3);
    expect(removed.json()).toMatchObject({ hasLogo: false, logoHref: null, version: 4 });
    expect((await t.agent().get(`/api/public/house-style/${tenant.slug}/logo`)).statusCode).toBe(404);
    expect(await changes(tenant.id)).toBe(4);
  });

  it('is changed only by the functional administrator', async () => {
    const worker = (await buildLoggedInUser(t, tenant, ['case_worker'])).agent;
    expect((await worker.get('/api/admin/house-style')).statusCode).toBe(403);
    expect((await worker.put('/api/admin/house-style', style({ version: 4 }))).statusCode).toBe(403);
    expect((await t.agent().put('/api/admin/house-style', style({ version: 4 }))).statusCode).toBe(401);
  });
});
