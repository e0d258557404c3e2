import type { ContactKind, ContactLog, ContactView, LogContactRequest } from '@nabij/contracts';
import { logContactRequest } from '@nabij/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, withCase } from '../case-files';
import { decodeUpload } from '../plan';

type LogContactInput = z.output<typeof logContactRequest>;
export type ContactFilter = {
  kind?: ContactKind | undefined;
  goalId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
};

/** Goals of the plan a contact can concern: the agreed version, or the draft while none is agreed yet. */
export async function currentGoals(tx: Tx, caseId: string): Promise<{ id: string; domain: string; goal: string }[]> {
  const version = await tx
    .selectFrom('plan_version as v')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(['v.id'])
    .where('p.case_id', '=', caseId)
    .where('v.status', 'in', ['agreed', 'draft'])
    .orderBy('v.status') // 'agreed' before 'draft'
    .orderBy('v.number', 'desc')
    .executeTakeFirst();
  if (!version) return [];
  return tx
    .selectFrom('plan_goal')
    .select(['id', 'domain', 'goal'])
    .where('plan_version_id', '=', version.id)
    .orderBy('position')
    .execute();
}

async function loadContacts(tx: Tx, caseId: string, filter: ContactFilter): Promise<ContactView[]> {
  let q = tx
    .selectFrom('contact_entry as c')
    .innerJoin('app_user as u', 'u.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.kind',
      'c.contact_on',
      'c.duration_minutes',
      'c.participants',
      'c.note',
      'c.internal',
      'c.recorded_at',
      'u.display_name',
    ])
    .where('c.case_id', '=', caseId);
  if (filter.kind) q = q.where('c.kind', '=', filter.kind);
  if (filter.from) q = q.where('c.contact_on', '>=', filter.from);
  if (filter.to) q = q.where('c.contact_on', '<=', filter.to);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('c.note', 'ilike', like), eb('c.participants', 'ilike', like)]));
  }
  if (filter.goalId) {
    const goalId = filter.goalId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_goal as g')
          .select('g.goal_id')
          .whereRef('g.contact_id', '=', 'c.id')
          .where('g.goal_id', '=', goalId),
      ),
    );
  }
  const rows = await q.orderBy('c.contact_on', 'desc').orderBy('c.recorded_at', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [goals, files] = await Promise.all([
    tx
      .selectFrom('contact_goal as cg')
      .innerJoin('plan_goal as g', 'g.id', 'cg.goal_id')
      .select(['cg.contact_id', 'g.id', 'g.domain', 'g.goal'])
      .where('cg.contact_id', 'in', ids)
      .execute(),
    tx
      .selectFrom('contact_attachment')
      .select(['id', 'contact_id', 'filename', 'media_type', 'size_bytes'])
      .where('contact_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ContactKind,
    contactOn: r.contact_on,
    durationMinutes: r.duration_minutes,
    participants: r.participants,
    note: r.note,
    internal: r.internal,
    goals: goals.filter((g) => g.contact_id === r.id).map((g) => ({ id: g.id, domain: g.domain, goal: g.goal })),
    attachments: files
      .filter((f) => f.contact_id === r.id)
      .map((f) => ({ id: f.id, filename: f.filename, mediaType: f.media_type, sizeBytes: f.size_bytes })),
    recordedByName: r.display_name,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

/** The case's contact log (journaal), newest first, with optional filters; logged as a read of the case. */
export function viewContactLog(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  filter: ContactFilter,
): Promise<ContactLog> {
  return withCase(deps, ctx, caseId, 'view', 'contact_log', async (tx, c) => {
    const [contacts, goals] = await Promise.all([loadContacts(tx, c.id, filter), currentGoals(tx, c.id)]);
    const filtered = Object.values(filter).some((v) => v !== undefined);
    await logCaseAccess(tx, ctx, c, {
      action: filtered ? 'search' : 'read',
      event: 'contact_log.viewed',
      dataCategory: 'contact_log',
      permission: 'case:read',
      detail: { count: contacts.length },
    });
    return {
      caseId: c.id,
      contacts,
      goals,
      totalMinutes: contacts.reduce((sum, x) => sum + (x.durationMinutes ?? 0), 0),
    };
  });
}

/** Without an idempotency key, the same contact sent again by the same user within this time is the same submission. */
export const RESUBMISSION_WINDOW_MS = 2 * 60_000;

/**
 * A contact without an idempotency key (an API client, a script): submissions of the same user on the same case
 * are serialised by a transaction lock, and one identical to a contact this user logged on this case in the last
 * two minutes (same kind, date, duration, participants, note, internal mark, goals and attachment names and sizes)
 * is answered with that contact instead of being stored again. Three identical requests at once store one contact.
 */
async function findResubmission(
  tx: Tx,
  caseId: string,
  userId: string,
  since: Date,
  input: LogContactInput,
  files: ReadonlyArray<{ filename: string; content: Buffer }>,
): Promise<string | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`contact:${caseId}:${userId}`}, 0))`.execute(tx);
  const candidates = await tx
    .selectFrom('contact_entry')
    .select('id')
    .where('case_id', '=', caseId)
    .where('recorded_by', '=', userId)
    .where('recorded_at', '>=', since)
    .where('idempotency_key', 'is', null)
    .where('kind', '=', input.kind)
    .where('contact_on', '=', input.contactOn)
    .where('note', '=', input.note)
    .where('internal', '=', input.internal)
    .where(sql<boolean>`duration_minutes is not distinct from ${input.durationMinutes ?? null}::int`)
    .where(sql<boolean>`participants is not distinct from ${input.participants ?? null}::text`)
    .execute();
  const signature = (goals: readonly string[], attachments: ReadonlyArray<{ filename: string; size: number }>) =>
    JSON.stringify([[...new Set(goals)].sort(), attachments.map((a) => `${a.filename}:${a.size}`).sort()]);
  const wanted = signature(
    input.goalIds,
    files.map((f) => ({ filename: f.filename, size: f.content.length })),
  );
  for (const { id } of candidates) {
    const [goals, attachments] = await Promise.all([
      tx.selectFrom('contact_goal').select('goal_id').where('contact_id', '=', id).execute(),
      tx.selectFrom('contact_attachment').select(['filename', 'size_bytes']).where('contact_id', '=', id).execute(),
    ]);
    if (
      signature(
        goals.map((g) => g.goal_id),
        attachments.map((a) => ({ filename: a.filename, size: a.size_bytes })),
      ) === wanted
    )
      return id;
  }
  return undefined;
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';

/**
 * Logs a contact with the household. A contact dated in the future, goals that are not in the case's plan
 * or a closed case are refused and nothing is stored. The same idempotency key has one effect: a retried
 * or double-submitted request answers with the contact already logged; without a key, see findResubmission.
 */
export async function logContact(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  raw: LogContactRequest | LogContactInput,
): Promise<{ created: boolean; contact: ContactView }> {
  const input = logContactRequest.parse(raw);
  const today = municipalToday(deps.clock);
  if (input.contactOn > today)
    throw new AppError('validation_failed', {
      fieldErrors: { contactOn: ['Een contact kan niet in de toekomst liggen.'] },
    });
  const files = input.attachments.map((f, i) => decodeUpload(f, `attachments.${i}`));
  const attempt = () =>
    withCase(deps, ctx, caseId, 'work', 'contact_log', async (tx, c) => {
      if (input.idempotencyKey) {
        const existing = await tx
          .selectFrom('contact_entry')
          .select(['id', 'case_id'])
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (existing) {
          if (existing.case_id !== c.id)
            throw new AppError('validation_failed', {
              fieldErrors: { idempotencyKey: ['Deze sleutel is al gebruikt voor een ander dossier.'] },
            });
          const [contact] = (await loadContacts(tx, c.id, {})).filter((x) => x.id === existing.id);
          return { created: false, contact: contact! };
        }
      } else {
        const since = new Date(deps.clock.now().getTime() - RESUBMISSION_WINDOW_MS);
        const same = await findResubmission(tx, c.id, ctx.actor.userId, since, input, files);
        if (same) {
          const [contact] = (await loadContacts(tx, c.id, {})).filter((x) => x.id === same);
          return { created: false, contact: contact! };
        }
      }
      const phase = await tx.selectFrom('case_file').select('phase').where('id', '=', c.id).executeTakeFirstOrThrow();
      if (phase.phase === 'closed') throw new AppError('case_closed');
      const goalIds = [...new Set(input.goalIds)];
      if (goalIds.length > 0) {
        const allowed = new Set((await currentGoals(tx, c.id)).map((g) => g.id));
        if (goalIds.some((id) => !allowed.has(id)))
          throw new AppError('validation_failed', {
            fieldErrors: { goalIds: ['Kies doelen uit het plan van dit dossier.'] },
          });
      }
      const inserted = await tx
        .insertInto('contact_entry')
        .values({
          tenant_id: ctx.actor.tenantId,
          case_id: c.id,
          kind: input.kind,
          contact_on: input.contactOn,
          duration_minutes: input.durationMinutes ?? null,
          participants: input.participants ?? null,
          note: input.note,
          internal: input.internal,
          recorded_by: ctx.actor.userId,
          recorded_at: deps.clock.now(),
          idempotency_key: input.idempotencyKey ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (goalIds.length > 0) {
        await tx
          .insertInto('contact_goal')
          .values(goalIds.map((goal_id) => ({ tenant_id: ctx.actor.tenantId, contact_id: inserted.id, goal_id })))
          .execute();
      }
      for (const f of files) {
        await tx
          .insertInto('contact_attachment')
          .values({
            tenant_id: ctx.actor.tenantId,
            contact_id: inserted.id,
            filename: f.filename,
            media_type: f.mediaType,
            size_bytes: f.content.length,
            content: f.content,
          })
          .execute();
      }
      await logCaseAccess(tx, ctx, c, {
        action: 'create',
        event: 'contact.logged',
        dataCategory: 'contact_log',
        permission: 'case:read',
        detail: { contactId: inserted.id, kind: input.kind, attachments: files.length },
      });
      const [contact] = (await loadContacts(tx, c.id, {})).filter((x) => x.id === inserted.id);
      return { created: true, contact: contact! };
    });
  try {
    return await attempt();
  } catch (err) {
    // Two submits with the same key at the same moment: the loser finds the winner's contact.
    if (input.idempotencyKey && isUniqueViolation(err)) return attempt();
    throw err;
  }
}

/** One attachment of a contact, for download; logged. */
export function downloadContactAttachment(deps: Deps, ctx: AccessContext, caseId: string, attachmentId: string) {
  return withCase(deps, ctx, caseId, 'view', 'contact_log', async (tx, c) => {
    const file = await tx
      .selectFrom('contact_attachment as a')
      .innerJoin('contact_entry as e', 'e.id', 'a.contact_id')
      .select(['a.filename', 'a.media_type', 'a.content'])
      .where('a.id', '=', attachmentId)
      .where('e.case_id', '=', c.id)
      .executeTakeFirst();
    if (!file) throw new AppError('not_found');
    await logCaseAccess(tx, ctx, c, {
      action: 'export',
      event: 'contact.attachment_downloaded',
      dataCategory: 'contact_log',
      permission: 'case:read',
      detail: { attachmentId },
    });
    return { filename: file.filename, mediaType: file.media_type, content: file.content };
  });
}
