import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  HOUSE_STYLE_FONT_STACKS,
  HOUSE_STYLE_LOGO_MAX_BYTES,
  NABIJ_DEFAULT_HOUSE_STYLE,
  type HouseStyleFont,
  type HouseStyleView,
  type PublicHouseStyle,
  type UpdateHouseStyleRequest,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import type { Tx } from '../../platform/database/database';
import { recordAccess } from '../audit';
import { sniffAttachment } from '../../shared/sniff-file';

/**
 * A municipality's house style (issue #21 item 5, ADR 0054): a few tokens on top of the neutral Nabij default theme,
 * the name in the header and an optional logo. The stylesheet is built only from validated values (#rrggbb colours
 * and a font of the safe list), so no free text ever reaches CSS.
 */

interface StyleRow {
  display_name: string;
  primary_color: string;
  primary_text_color: string;
  link_color: string;
  focus_color: string;
  font_family: string;
  logo_content_type: string | null;
  version: number;
}

const STYLE_COLUMNS = [
  'display_name',
  'primary_color',
  'primary_text_color',
  'link_color',
  'focus_color',
  'font_family',
  'logo_content_type',
  'version',
] as const;

const base = (slug: string) => `/api/public/house-style/${encodeURIComponent(slug)}`;

function hrefs(slug: string, row: StyleRow | undefined) {
  const v = row?.version ?? 0;
  return {
    themeHref: `${base(slug)}/theme.css?v=${v}`,
    logoHref: row?.logo_content_type ? `${base(slug)}/logo?v=${v}` : null,
  };
}

function toView(slug: string, tenantName: string, row: StyleRow | undefined): HouseStyleView {
  return {
    displayName: row?.display_name ?? tenantName,
    primaryColor: row?.primary_color ?? NABIJ_DEFAULT_HOUSE_STYLE.primaryColor,
    primaryTextColor: row?.primary_text_color ?? NABIJ_DEFAULT_HOUSE_STYLE.primaryTextColor,
    linkColor: row?.link_color ?? NABIJ_DEFAULT_HOUSE_STYLE.linkColor,
    focusColor: row?.focus_color ?? NABIJ_DEFAULT_HOUSE_STYLE.focusColor,
    fontFamily: (row?.font_family as HouseStyleFont | undefined) ?? NABIJ_DEFAULT_HOUSE_STYLE.fontFamily,
    hasLogo: Boolean(row?.logo_content_type),
    ...hrefs(slug, row),
    version: row?.version ?? 0,
  };
}

async function currentTenant(tx: Tx) {
  // Under row-level security the request role sees the tenant table whole; the session's tenant is in the setting.
  return tx
    .selectFrom('tenant')
    .select(['slug', 'name'])
    .where('id', '=', sql<string>`current_tenant_id()`)
    .executeTakeFirstOrThrow();
}

const readRow = (tx: Tx) => tx.selectFrom('house_style').select(STYLE_COLUMNS).executeTakeFirst();

function requireAdmin(ctx: AccessContext): void {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
}

/** The administrator's form: the municipality's house style, or the default with its own name. */
export async function viewHouseStyle(deps: Deps, ctx: AccessContext): Promise<HouseStyleView> {
  requireAdmin(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const tenant = await currentTenant(tx);
    return toView(tenant.slug, tenant.name, await readRow(tx));
  });
}

/** What the bytes of an upload really are: PNG and JPEG by their signatures; anything else (SVG, GIF, …) is refused. */
export function sniffLogo(bytes: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  const actual = sniffAttachment(bytes);
  return actual === 'image/png' || actual === 'image/jpeg' ? actual : undefined;
}

function logoBytes(logo: NonNullable<UpdateHouseStyleRequest['logo']>): Buffer {
  const bytes = Buffer.from(logo.contentBase64, 'base64');
  const refuse = (message: string) => new AppError('validation_failed', { fieldErrors: { logo: [message] } });
  if (bytes.length === 0) throw refuse('Het logobestand is leeg.');
  if (bytes.length > HOUSE_STYLE_LOGO_MAX_BYTES) throw refuse('Een logo mag hoogstens 200 kB zijn.');
  const actual = sniffLogo(bytes);
  if (!actual) throw refuse('Een logo moet een PNG- of JPEG-bestand zijn (geen SVG).');
  if (actual !== logo.contentType)
    throw refuse('Het bestand is geen ' + (logo.contentType === 'image/png' ? 'PNG' : 'JPEG') + '.');
  return bytes;
}

/**
 * Saves the house style (contrast was checked by the contract); the version guards against a stale form: a save
 * based on an older read is refused with 409 and changes nothing. Written to the access log in the same transaction.
 */
export async function changeHouseStyle(
  deps: Deps,
  ctx: AccessContext,
  input: UpdateHouseStyleRequest,
): Promise<HouseStyleView> {
  requireAdmin(ctx);
  const logo = input.logo ? logoBytes(input.logo) : undefined;
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const values = {
      display_name: input.displayName,
      primary_color: input.primaryColor,
      primary_text_color: input.primaryTextColor,
      link_color: input.linkColor,
      focus_color: input.focusColor,
      font_family: input.fontFamily,
      updated_by: ctx.actor.userId,
      updated_at: deps.clock.now(),
      ...(input.logo === null ? { logo: null, logo_content_type: null } : {}),
      ...(input.logo && logo ? { logo, logo_content_type: input.logo.contentType } : {}),
    };
    if (input.version === 0) {
      // The first house style of the municipality; a second first save at the same moment loses on the primary key.
      const inserted = await tx
        .insertInto('house_style')
        .values({ tenant_id: ctx.actor.tenantId, ...values })
        .onConflict((oc) => oc.column('tenant_id').doNothing())
        .returning('tenant_id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('version_conflict');
    } else {
      const updated = await tx
        .updateTable('house_style')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('version', '=', input.version)
        .returning('tenant_id')
        .executeTakeFirst();
      if (!updated) throw new AppError('version_conflict');
    }
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'house_style.changed',
      dataCategory: 'configuration',
      legalBasis: 'security',
      permission: 'user:admin',
      detail: {
        primaryColor: input.primaryColor,
        primaryTextColor: input.primaryTextColor,
        linkColor: input.linkColor,
        focusColor: input.focusColor,
        fontFamily: input.fontFamily,
        logo: input.logo === undefined ? 'kept' : input.logo === null ? 'removed' : 'replaced',
      },
    });
    const tenant = await currentTenant(tx);
    return toView(tenant.slug, tenant.name, await readRow(tx));
  });
}

/** The municipality of a slug and its house style row (undefined: no such municipality). */
async function styleOfSlug(deps: Deps, slug: string) {
  const tenant = await deps.db.inSystem((tx) =>
    tx.selectFrom('tenant').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst(),
  );
  if (!tenant) return undefined;
  const row = await deps.db.inTenant(tenant.id, readRow);
  return { tenant, row };
}

/** What every header needs: the municipality's name, its stylesheet and its logo. */
export async function publicHouseStyleOf(deps: Deps, slug: string): Promise<PublicHouseStyle> {
  const found = await styleOfSlug(deps, slug);
  if (!found) throw new AppError('not_found');
  const view = toView(found.tenant.slug, found.tenant.name, found.row);
  return { displayName: view.displayName, themeHref: view.themeHref, logoHref: view.logoHref };
}

/** The municipality's tokens as a stylesheet, laid over the default theme (the same selector, one class more). */
export function themeCss(row: StyleRow | undefined): string {
  const header = '/* Nabij: huisstijl van de gemeente, boven op het standaardthema (ADR 0054). */\n';
  if (!row) return `${header}/* Deze gemeente gebruikt het standaardthema van Nabij. */\n`;
  const font = HOUSE_STYLE_FONT_STACKS[row.font_family as HouseStyleFont] ?? HOUSE_STYLE_FONT_STACKS.system;
  const hex = (value: string) => {
    // Stored values are checked by the database too; this is the last guard before text becomes CSS.
    if (!/^#[0-9a-f]{6}$/.test(value)) throw new Error('house_style colour is not #rrggbb');
    return value;
  };
  return (
    header +
    'body.nabij-theme {\n' +
    `  --nabij-brand-primary-color: ${hex(row.primary_color)};\n` +
    `  --nabij-brand-primary-text-color: ${hex(row.primary_text_color)};\n` +
    `  --nabij-brand-link-color: ${hex(row.link_color)};\n` +
    `  --nabij-brand-focus-color: ${hex(row.focus_color)};\n` +
    `  --nabij-brand-font-family: ${font};\n` +
    '}\n'
  );
}

/** The stylesheet of a municipality by its slug (undefined: no such municipality). */
export async function themeCssOf(deps: Deps, slug: string): Promise<string | undefined> {
  const found = await styleOfSlug(deps, slug);
  return found ? themeCss(found.row) : undefined;
}

/** The logo of a municipality by its slug (undefined: no such municipality or no logo). */
export async function logoOf(deps: Deps, slug: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
  const tenant = await deps.db.inSystem((tx) =>
    tx.selectFrom('tenant').select('id').where('slug', '=', slug).executeTakeFirst(),
  );
  if (!tenant) return undefined;
  const row = await deps.db.inTenant(tenant.id, (tx) =>
    tx.selectFrom('house_style').select(['logo', 'logo_content_type']).executeTakeFirst(),
  );
  return row?.logo && row.logo_content_type ? { bytes: row.logo, contentType: row.logo_content_type } : undefined;
}

/** A strong validator of a body: the first 16 bytes of its SHA-256, quoted. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}
