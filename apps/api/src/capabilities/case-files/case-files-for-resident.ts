import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import { findCase, type CaseRow } from './case-access';

/**
 * What the resident portal (Mijn Nabij) needs from case files: the person's current case, and their consents,
 * which they can withdraw themselves. Authorisation and logging are the resident capability's.
 */

/** The person's current case: the newest case file that is not closed, where they are the client or a household member. */
export async function currentCaseOfPerson(tx: Tx, personId: string): Promise<CaseRow | undefined> {
  const row = await tx
    .selectFrom('case_file as c')
    .select('c.id')
    .where('c.phase', '<>', 'closed')
    .where((eb) =>
      eb.or([
        eb('c.primary_person_id', '=', personId),
        eb(
          'c.household_id',
          'in',
          eb.selectFrom('household_member').select('household_id').where('person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('c.opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? findCase(tx, row.id) : undefined;
}

/** The consents a person gave for sharing information, newest first (withdrawn ones too, marked). */
export async function consentsOfPerson(tx: Tx, personId: string) {
  return tx
    .selectFrom('information_consent')
    .select(['id', 'case_id', 'recipient', 'scope', 'given_on', 'expires_on', 'withdrawn_on'])
    .where('person_id', '=', personId)
    .orderBy('given_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** Withdraws one of the person's own consents from today; 404 for someone else's or an already withdrawn one. */
export async function withdrawConsentOfPerson(
  tx: Tx,
  personId: string,
  consentId: string,
  by: { accountId: string; today: string },
): Promise<{ caseId: string }> {
  const r = await tx
    .updateTable('information_consent')
    .set({ withdrawn_on: by.today, withdrawn_by_account_id: by.accountId })
    .where('id', '=', consentId)
    .where('person_id', '=', personId)
    .where('withdrawn_on', 'is', null)
    .returning('case_id')
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
  return { caseId: r.case_id };
}
