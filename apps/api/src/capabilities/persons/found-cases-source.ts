import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';

/**
 * The case of each person in the search results that the user may view, read and logged in the search's
 * transaction (issue #19 item 10). Case files own cases and need-to-know; they register their reader here with their
 * routes (as the open-tasks source works), so persons does not import case files, which imports persons.
 */
export type FoundCasesSource = (
  tx: Tx,
  ctx: AccessContext,
  personIds: readonly string[],
) => Promise<Map<string, { id: string; reference: string | null; phase: string }>>;

let source: FoundCasesSource | undefined;

export function setFoundCasesSource(reader: FoundCasesSource): void {
  source = reader;
}

export function casesOfFoundPersons(tx: Tx, ctx: AccessContext, personIds: readonly string[]) {
  if (!source)
    throw new Error(
      'No found-cases source: the case-files capability registers it with its routes (registerCaseFileRoutes).',
    );
  return source(tx, ctx, personIds);
}
