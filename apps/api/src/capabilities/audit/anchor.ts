import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../platform/database/database';
import type { Mailer } from '../../platform/mail';
import { sealTenant } from './seal';

/**
 * Publishing each day's chain head outside the database (ADR 0045). A chain alone cannot show that someone with the
 * owner's rights recomputed every hash after a change, the head row included; a head kept elsewhere can. The
 * privacy officer chooses where it goes per municipality: an e-mail (through the SMTP mailer, or the development
 * outbox) or a line appended to a file in ACCESS_LOG_ANCHOR_DIR. Every publication is recorded in access_log_anchor,
 * which `verifyTenantChain` compares with the chain.
 */

export type AnchorChannel = 'email' | 'file';

/** A file name in the anchor folder: no folders, no hidden files. */
export const ANCHOR_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export interface AnchorDeps {
  db: Database;
  mailer: Mailer;
  anchorDir: string | undefined;
}

export interface AnchorRun {
  published: number;
  skipped: number;
  failed: Array<{ tenantId: string; error: string }>;
}

/** The text published: one line a person can copy, and `audit:verify` output can be compared with. */
export function anchorLine(a: { tenantSlug: string; day: string; seq: number; hash: string }): string {
  return `Nabij logboek ${a.tenantSlug} ${a.day}: ketenkop rij ${a.seq}, hash ${a.hash}`;
}

/**
 * Seals and publishes the chain head of every municipality whose privacy officer chose a place, once per day
 * (`day`, the municipal date). A municipality whose publication fails is reported and tried again by the next run;
 * the others are not held up.
 */
export async function publishChainHeads(deps: AnchorDeps, day: string): Promise<AnchorRun> {
  const settings = await deps.db.inSystem((tx) =>
    tx
      .selectFrom('access_log_anchor_setting as s')
      .innerJoin('tenant as t', 't.id', 's.tenant_id')
      .select(['s.tenant_id', 's.channel', 's.target', 't.slug', 't.name'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('access_log_anchor as a')
              .select('a.day')
              .whereRef('a.tenant_id', '=', 's.tenant_id')
              .where('a.day', '=', day),
          ),
        ),
      )
      .orderBy('t.slug')
      .execute(),
  );
  const run: AnchorRun = { published: 0, skipped: 0, failed: [] };
  for (const s of settings) {
    try {
      await sealTenant(deps.db, s.tenant_id);
      const head = await deps.db.inSystem((tx) =>
        tx
          .selectFrom('access_log_chain')
          .select(['last_seq', 'last_hash'])
          .where('tenant_id', '=', s.tenant_id)
          .executeTakeFirst(),
      );
      if (!head || head.last_seq === 0) {
        run.skipped++;
        continue;
      }
      const line = anchorLine({ tenantSlug: s.slug, day, seq: head.last_seq, hash: head.last_hash });
      if (s.channel === 'email') {
        await deps.mailer.send({
          tenantId: s.tenant_id,
          to: s.target,
          subject: `Ketenkop van het logboek van ${s.name}, ${day}`,
          text: [
            `Dit is de ketenkop van het logboek (NEN 7513) van ${s.name} op ${day}.`,
            'Bewaar dit bericht buiten Nabij. Klopt deze regel later niet meer met "Controleer integriteit" of `npm run audit:verify`, dan is het logboek herschreven.',
            '',
            line,
          ].join('\n'),
        });
      } else {
        if (!deps.anchorDir) throw new Error('ACCESS_LOG_ANCHOR_DIR is not set');
        if (!ANCHOR_FILE_NAME.test(s.target)) throw new Error('the anchor file name is not a plain file name');
        await mkdir(deps.anchorDir, { recursive: true });
        await appendFile(path.join(deps.anchorDir, s.target), `${line}\n`, { encoding: 'utf8', mode: 0o640 });
      }
      await deps.db.inSystem((tx) =>
        tx
          .insertInto('access_log_anchor')
          .values({
            tenant_id: s.tenant_id,
            day,
            seq: head.last_seq,
            hash: head.last_hash,
            channel: s.channel,
            target: s.target,
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'day']).doNothing())
          .execute(),
      );
      run.published++;
    } catch (err) {
      run.failed.push({ tenantId: s.tenant_id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (run.failed.length > 0)
    throw new Error(
      `publishing the chain head failed for ${run.failed.length} municipalities: ${run.failed.map((f) => f.error).join('; ')}`,
    );
  return run;
}
