import { randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordResidentAccess } from '../audit';
import {
  CODE_MAX_ATTEMPTS,
  CODE_TTL_MINUTES,
  CODES_PER_ADDRESS,
  CODES_PER_IP,
  codeState,
  FAILURES_PER_IP,
  normaliseEmail,
  RATE_WINDOW_MINUTES,
} from './resident.domain';
import { emailHash, generateCode, hashCode } from './login-codes';
import { startResidentSession } from './resident-session';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

function requireEmailLogin(deps: Deps): void {
  if (!deps.config.resident.emailLogin) throw new AppError('resident_email_login_disabled');
}

const windowStart = (now: Date) => new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000);

async function findAccountByEmail(tx: Tx, email: string) {
  return tx
    .selectFrom('resident_account as a')
    .innerJoin('tenant as t', 't.id', 'a.tenant_id')
    .select(['a.id', 'a.tenant_id', 'a.person_id', 'a.email', 't.name as tenant_name'])
    .where('a.email', '=', email)
    .where('a.active', '=', true)
    .executeTakeFirst();
}

/** The e-mail with a login code, in plain Dutch (scanned for jargon with the other resident-facing texts). */
export function loginCodeMail(code: string, municipality: string): { subject: string; text: string } {
  return {
    subject: 'Uw inlogcode voor Mijn Nabij',
    text: [
      'Beste inwoner,',
      '',
      `Uw code om in te loggen bij Mijn Nabij is: ${code}`,
      '',
      `De code werkt ${CODE_TTL_MINUTES} minuten. Geef deze code aan niemand anders, ook niet aan iemand die zegt dat hij van de gemeente is.`,
      'Heeft u geen code gevraagd? Dan kunt u deze e-mail negeren.',
      '',
      `Met vriendelijke groet,\n${municipality}`,
    ].join('\n'),
  };
}

/**
 * Sends a one-time code to the address when it belongs to an active account. The answer is the same whether or
 * not the address is known: a row with a code is written either way (for an unknown address the code is never
 * sent), so rate limits and later answers ("verlopen", "klopt niet") behave alike. With a real mail server the
 * mail is sent after answering, so the answer's timing does not tell either.
 */
export async function requestLoginCode(deps: Deps, input: { email: string }, meta: RequestMeta): Promise<void> {
  requireEmailLogin(deps);
  const email = normaliseEmail(input.email);
  const key = emailHash(email);
  const now = deps.clock.now();
  const since = windowStart(now);
  const sent = await deps.db.inSystem(async (tx) => {
    const counts = await sql<{ byAddress: number; byIp: number }>`
      select (select count(*) from resident_login_code where email_hash = ${key} and created_at > ${since})::int as "byAddress",
             (select count(*) from resident_login_code where ip = ${meta.ip} and created_at > ${since})::int as "byIp"`.execute(
      tx,
    );
    const c = counts.rows[0] ?? { byAddress: 0, byIp: 0 };
    if (c.byAddress >= CODES_PER_ADDRESS || c.byIp >= CODES_PER_IP) return 'rate_limited' as const;
    // Codes and attempts are only needed for a day (rate limits look back 15 minutes).
    const dayAgo = new Date(now.getTime() - 86_400_000);
    await tx.deleteFrom('resident_login_code').where('created_at', '<', dayAgo).execute();
    await tx.deleteFrom('resident_login_attempt').where('at', '<', dayAgo).execute();
    const account = await findAccountByEmail(tx, email);
    const id = randomUUID();
    const code = generateCode();
    await tx
      .insertInto('resident_login_code')
      .values({
        id,
        email_hash: key,
        account_id: account?.id ?? null,
        // An unknown address gets a code nobody ever sees.
        code_hash: hashCode(id, account ? code : generateCode()),
        created_at: now,
        expires_at: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
        ip: meta.ip,
      })
      .execute();
    return account ? { account, code } : null;
  });
  if (sent === 'rate_limited') throw new AppError('too_many_attempts');
  if (!sent) return;
  const message = {
    tenantId: sent.account.tenant_id,
    to: email,
    ...loginCodeMail(sent.code, sent.account.tenant_name),
  };
  if (deps.mailer.mode === 'outbox') {
    await deps.mailer.send(message);
  } else {
    deps.mailer.send(message).catch((err: unknown) => {
      deps.log.error(
        { event: 'resident.login_code_mail_failed', errorClass: err instanceof Error ? err.name : typeof err },
        'login code could not be mailed',
      );
    });
  }
}

type Outcome =
  | { ok: true; token: string }
  | {
      ok: false;
      error: 'resident_code_invalid' | 'resident_code_expired' | 'resident_code_blocked' | 'too_many_attempts';
    };

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks a one-time code against the latest code of the address: expired after 10 minutes, unusable after five
 * wrong tries or once used. A wrong try is counted in the same transaction that answers, so it stays counted.
 * On success a resident session starts and the login is written to the access log.
 */
export async function verifyLoginCode(
  deps: Deps,
  input: { email: string; code: string },
  meta: RequestMeta,
): Promise<{ token: string }> {
  requireEmailLogin(deps);
  const email = normaliseEmail(input.email);
  const key = emailHash(email);
  const now = deps.clock.now();
  const outcome = await deps.db.inSystem(async (tx): Promise<Outcome> => {
    const failures = await sql<{ n: number }>`
      select count(*)::int as n from resident_login_attempt where ip = ${meta.ip} and at > ${windowStart(now)} and not succeeded`.execute(
      tx,
    );
    if ((failures.rows[0]?.n ?? 0) >= FAILURES_PER_IP) return { ok: false, error: 'too_many_attempts' };
    const failed = async (
      error: 'resident_code_invalid' | 'resident_code_expired' | 'resident_code_blocked',
    ): Promise<Outcome> => {
      await tx.insertInto('resident_login_attempt').values({ ip: meta.ip, at: now, succeeded: false }).execute();
      return { ok: false, error };
    };
    const row = await tx
      .selectFrom('resident_login_code')
      .select(['id', 'account_id', 'code_hash', 'attempts', 'expires_at', 'used_at'])
      .where('email_hash', '=', key)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return failed('resident_code_invalid');
    const state = codeState({ expiresAt: row.expires_at, usedAt: row.used_at, attempts: row.attempts }, now);
    if (state === 'used') return failed('resident_code_invalid');
    if (state === 'blocked') return failed('resident_code_blocked');
    if (state === 'expired') return failed('resident_code_expired');
    if (!sameHash(hashCode(row.id, input.code.trim()), row.code_hash)) {
      await tx
        .updateTable('resident_login_code')
        .set({ attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .execute();
      return failed(row.attempts + 1 >= CODE_MAX_ATTEMPTS ? 'resident_code_blocked' : 'resident_code_invalid');
    }
    const account = row.account_id
      ? await tx
          .selectFrom('resident_account')
          .select(['id', 'tenant_id', 'person_id', 'email_verified_at'])
          .where('id', '=', row.account_id)
          .where('active', '=', true)
          .executeTakeFirst()
      : undefined;
    if (!account) return failed('resident_code_invalid');
    await tx.updateTable('resident_login_code').set({ used_at: now }).where('id', '=', row.id).execute();
    await tx.insertInto('resident_login_attempt').values({ ip: meta.ip, at: now, succeeded: true }).execute();
    if (!account.email_verified_at)
      await tx.updateTable('resident_account').set({ email_verified_at: now }).where('id', '=', account.id).execute();
    const token = await startResidentSession(
      deps,
      tx,
      { id: account.id, tenantId: account.tenant_id },
      { authMethod: 'email_code', assurance: null },
      meta,
    );
    await recordResidentAccess(
      tx,
      {
        tenantId: account.tenant_id,
        accountId: account.id,
        actingPersonId: account.person_id,
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
      {
        action: 'login',
        event: 'resident.logged_in',
        dataCategory: 'account',
        personId: account.person_id,
        legalBasis: 'security',
        detail: { method: 'email_code' },
      },
    );
    return { ok: true, token };
  });
  if (!outcome.ok) throw new AppError(outcome.error);
  return { token: outcome.token };
}
