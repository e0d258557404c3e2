// Shared set-up of the resident portal tests: logging in with the e-mail code, and a case with an account.
import { expect } from 'vitest';
import type { Database } from '../src/platform/database/database';
import type { Agent, TestApp } from './test-app';

/** The latest one-time code mailed to an address (from the development outbox). */
export async function latestCode(db: Database, email: string): Promise<string | undefined> {
  const row = await db.inSystem((tx) =>
    tx
      .selectFrom('outbox_message')
      .select(['text_body'])
      .where('recipient', '=', email)
      .where('subject', '=', 'Uw inlogcode voor Mijn Nabij')
      .orderBy('sent_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );
  return row ? /(\d{6})/.exec(row.text_body)?.[1] : undefined;
}

/** Takes the CSRF token of the resident session, as the portal does after login. */
export async function refreshResidentCsrf(agent: Agent): Promise<void> {
  agent.csrfToken = (await agent.get('/api/resident/session')).json<{ csrfToken?: string }>().csrfToken;
}

/** Logs a resident in with a code by e-mail; returns the agent (with the resident cookie and CSRF token). */
export async function residentLogin(t: TestApp, email: string, agent: Agent = t.agent()): Promise<Agent> {
  const asked = await agent.post('/api/resident/login/code', { email });
  expect(asked.statusCode, asked.body).toBe(200);
  const code = await latestCode(t.db, email);
  expect(code, 'a code was mailed').toBeDefined();
  const verified = await agent.post('/api/resident/login/verify', { email, code });
  expect(verified.statusCode, verified.body).toBe(200);
  await refreshResidentCsrf(agent);
  return agent;
}

/** Gives a household member an account through the worker's case page API. */
export async function createResidentAccount(
  worker: Agent,
  caseId: string,
  personId: string,
  email: string,
): Promise<void> {
  const r = await worker.post(`/api/cases/${caseId}/resident-portal/accounts`, {
    personId,
    email,
    identityChecked: true,
  });
  expect(r.statusCode, r.body).toBe(200);
}
