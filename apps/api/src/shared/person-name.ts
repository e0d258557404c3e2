import { sql, type RawBuilder } from 'kysely';
import { formatFullName } from '@nabij/contracts';

/** The full-name rule (`formatFullName` in the contracts) for a `person` row as the database gives it. */
export const fullNameOfRow = (r: {
  first_name?: string | null | undefined;
  infix?: string | null | undefined;
  last_name?: string | null | undefined;
}): string => formatFullName({ firstName: r.first_name, infix: r.infix, lastName: r.last_name });

/** The same rule in SQL, for a row of `person` (or a table with the same three columns) under `alias`. */
export function personFullNameSql(alias: string): RawBuilder<string> {
  const part = (column: string) => sql`nullif(btrim(${sql.ref(`${alias}.${column}`)}), '')`;
  return sql<string>`concat_ws(' ', ${part('first_name')}, ${part('infix')}, ${part('last_name')})`;
}
