import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../shared/actor';

/**
 * A draft key is replaced when it is a day old; the replaced key still opens drafts for another day, and only when it
 * was replaced within two days of being made. So no key is handed out more than three days after it was made.
 */
const ROTATE_AFTER_MS = 24 * 3_600_000;
const KEEP_PREVIOUS_WITHIN_MS = 48 * 3_600_000;

export interface DraftKeys {
  current: string;
  previous: string | null;
}

/**
 * The keys the web app encrypts unsaved drafts with in the browser tab (ADR 0035): one random AES-256 key per user,
 * kept only here, handed out only to that user's logged-in session. A draft left in a tab is unreadable to anyone who
 * cannot log in as its author, and unreadable to everyone once its key is gone (at most three days).
 */
export async function draftKeysFor(deps: Deps, actor: Actor): Promise<DraftKeys> {
  const now = deps.clock.now();
  return deps.db.inTenant(actor.tenantId, async (tx) => {
    await tx
      .insertInto('draft_key')
      .values({
        user_id: actor.userId,
        tenant_id: actor.tenantId,
        current_key: randomBytes(32),
        previous_key: null,
        rotated_at: now,
      })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    let row = await tx
      .selectFrom('draft_key')
      .select(['current_key', 'previous_key', 'rotated_at'])
      .where('user_id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const age = now.getTime() - row.rotated_at.getTime();
    if (age >= ROTATE_AFTER_MS) {
      row = await tx
        .updateTable('draft_key')
        .set({
          previous_key: age < KEEP_PREVIOUS_WITHIN_MS ? sql<Buffer>`current_key` : null,
          current_key: randomBytes(32),
          rotated_at: now,
        })
        .where('user_id', '=', actor.userId)
        .returning(['current_key', 'previous_key', 'rotated_at'])
        .executeTakeFirstOrThrow();
    }
    return { current: row.current_key.toString('base64'), previous: row.previous_key?.toString('base64') ?? null };
  });
}
