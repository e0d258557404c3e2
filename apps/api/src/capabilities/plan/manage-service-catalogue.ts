import { serviceInput, type ServiceView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { orderSuggestions } from './plan.domain';
import { readServiceCsv, toCsv } from './service-catalogue.domain';

export interface ServiceFields {
  organisation: string;
  name: string;
  description?: string | undefined;
  domains: string[];
  type: 'general' | 'group' | 'tailored';
  area?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
  active: boolean;
}

const COLUMNS = [
  'id',
  'organisation',
  'name',
  'description',
  'domains',
  'type',
  'area',
  'phone',
  'email',
  'website',
  'active',
  'version',
] as const;

function requireAdmin(ctx: AccessContext): void {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
}

const columnsOf = (s: ServiceFields) => ({
  organisation: s.organisation,
  name: s.name,
  description: s.description ?? null,
  domains: s.domains,
  type: s.type,
  area: s.area ?? null,
  phone: s.phone ?? null,
  email: s.email ?? null,
  website: s.website ?? null,
  active: s.active,
});

async function allServices(tx: Tx): Promise<ServiceView[]> {
  const rows = await tx
    .selectFrom('service')
    .select([...COLUMNS])
    .execute();
  return orderSuggestions(rows.map((r) => ({ ...r, type: r.type as ServiceView['type'] })));
}

/** The municipality's service catalogue (sociale kaart), general services first. */
export async function listServices(deps: Deps, ctx: AccessContext): Promise<{ services: ServiceView[] }> {
  requireAdmin(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({ services: await allServices(tx) }));
}

export async function addService(deps: Deps, ctx: AccessContext, input: ServiceFields): Promise<ServiceView> {
  requireAdmin(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const row = await tx
      .insertInto('service')
      .values({ tenant_id: ctx.actor.tenantId, ...columnsOf(input) })
      .returning([...COLUMNS])
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'service.added',
      dataCategory: 'configuration',
      permission: 'user:admin',
      detail: { serviceId: row.id },
    });
    return { ...row, type: row.type as ServiceView['type'] };
  });
}

export async function changeService(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: ServiceFields & { version: number },
): Promise<ServiceView> {
  requireAdmin(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const current = await tx.selectFrom('service').select(['version']).where('id', '=', id).executeTakeFirst();
    if (!current) throw new AppError('not_found');
    const row = await tx
      .updateTable('service')
      .set((eb) => ({ ...columnsOf(input), version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning([...COLUMNS])
      .executeTakeFirst();
    if (!row) throw new AppError('version_conflict');
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'service.changed',
      dataCategory: 'configuration',
      permission: 'user:admin',
      detail: { serviceId: id },
    });
    return { ...row, type: row.type as ServiceView['type'] };
  });
}

/** The catalogue as CSV; cells that a spreadsheet would run as a formula are neutralised. */
export async function exportServices(deps: Deps, ctx: AccessContext): Promise<string> {
  requireAdmin(ctx);
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const services = await allServices(tx);
    await recordAccess(tx, ctx, {
      action: 'export',
      event: 'service.exported',
      dataCategory: 'configuration',
      permission: 'user:admin',
      detail: { count: services.length },
    });
    return toCsv(
      services.map((s) => ({
        id: s.id,
        organisation: s.organisation,
        name: s.name,
        description: s.description ?? '',
        domains: s.domains.join('|'),
        type: s.type,
        area: s.area ?? '',
        phone: s.phone ?? '',
        email: s.email ?? '',
        website: s.website ?? '',
        active: s.active ? 'ja' : 'nee',
      })),
    );
  });
}

/**
 * Imports services from CSV: a row with the id of an existing service updates it, any other row adds one.
 * All rows are checked first; one bad row stores nothing and names the line.
 */
export async function importServices(
  deps: Deps,
  ctx: AccessContext,
  csv: string,
): Promise<{ added: number; updated: number }> {
  requireAdmin(ctx);
  const { services, errors } = readServiceCsv(csv);
  const valid: Array<{ id: string | undefined; fields: ServiceFields }> = [];
  services.forEach((s, i) => {
    const parsed = serviceInput.safeParse({ ...s, id: undefined });
    if (!parsed.success) {
      const key = `rows.${i + 2}`;
      errors[key] = [
        ...(errors[key] ?? []),
        `Regel ${i + 2}: ${parsed.error.issues.map((x) => `${String(x.path[0] ?? '')} — ${x.message}`).join('; ')}`,
      ];
    } else valid.push({ id: s.id, fields: parsed.data });
  });
  if (services.length === 0 && Object.keys(errors).length === 0) errors.csv = ['Het bestand bevat geen voorzieningen.'];
  if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    let added = 0;
    let updated = 0;
    for (const s of valid) {
      const existing =
        s.id && /^[0-9a-f-]{36}$/i.test(s.id)
          ? await tx.selectFrom('service').select('id').where('id', '=', s.id).executeTakeFirst()
          : undefined;
      if (existing) {
        await tx
          .updateTable('service')
          .set((eb) => ({ ...columnsOf(s.fields), version: eb('version', '+', 1), updated_at: new Date() }))
          .where('id', '=', existing.id)
          .execute();
        updated++;
      } else {
        await tx
          .insertInto('service')
          .values({ tenant_id: ctx.actor.tenantId, ...columnsOf(s.fields) })
          .execute();
        added++;
      }
    }
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'service.imported',
      dataCategory: 'configuration',
      permission: 'user:admin',
      detail: { added, updated },
    });
    return { added, updated };
  });
}
