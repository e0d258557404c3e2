import { createHash, type Hash } from 'node:crypto';
import type pg from 'pg';

/** A column of a bulk-loaded table: its name and the PostgreSQL type of its values. */
export type Column = readonly [name: string, type: PgType];
type PgType = 'uuid' | 'text' | 'int' | 'bigint' | 'smallint' | 'bool' | 'date' | 'timestamptz' | 'text[]' | 'jsonb';

/** Types passed as text and cast per row (unnest cannot take an array of arrays, and jsonb is sent as text). */
const CAST_AFTER_UNNEST = new Set<PgType>(['text[]', 'jsonb']);

/** Which tables and columns the database has (the generator fills what the migrations have created). */
export type SchemaColumns = ReadonlySet<string>;

export async function readSchemaColumns(client: pg.PoolClient | pg.Client): Promise<SchemaColumns> {
  const r = await client.query<{ c: string }>(
    `select table_name || '.' || column_name as c from information_schema.columns where table_schema = 'public'`,
  );
  return new Set(r.rows.map((x) => x.c));
}

/**
 * Loads rows in batches with one `INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)` per batch: one
 * round trip and one parse per batch instead of one per row (there is no COPY client in the dependencies).
 * Batches are sent one after the other on one connection while the generator goes on producing rows. When
 * one table's batch is full, every table is flushed in the order the tables were declared (parents first), so
 * a child row never arrives before the row it references; `tick` waits when too many batches are in flight.
 */
export class BulkLoader {
  private readonly tables = new Map<string, BulkTable>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private failure: Error | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  readonly counts = new Map<string, number>();
  private readonly hash: Hash = createHash('sha256');

  constructor(
    private readonly client: pg.PoolClient | pg.Client,
    private readonly schema: SchemaColumns,
    readonly batchSize = 5_000,
    private readonly maxInFlight = 3,
  ) {}

  /**
   * Declares a table. Columns the database lacks (a migration not applied) are generated but not sent, and a
   * missing table takes no rows; the checksum covers every generated value either way.
   */
  table(
    name: string,
    columns: readonly Column[],
    options: { checksumExclude?: readonly string[]; overridingSystemValue?: boolean } = {},
  ): BulkTable {
    const present = columns.map(([c]) => this.schema.has(`${name}.${c}`));
    const t = new BulkTable(
      this,
      name,
      columns,
      present,
      options.checksumExclude ?? [],
      options.overridingSystemValue ?? false,
    );
    this.tables.set(name, t);
    return t;
  }

  has(table: string, column = 'id'): boolean {
    return this.schema.has(`${table}.${column}`);
  }

  /** Feeds the running checksum (sha256 over every generated value, in generation order). */
  digest(part: string): void {
    this.hash.update(part);
  }

  /** Sends a statement in order with the batches. */
  query(text: string, values: unknown[] = []): void {
    this.enqueue(text, values, text.slice(0, 40));
  }

  /** @internal */
  send(
    name: string,
    columns: readonly Column[],
    values: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
    overriding: boolean,
  ): void {
    const select = columns
      .map(([col, type], i) => (CAST_AFTER_UNNEST.has(type) ? `u.c${i}::${type} as ${col}` : `u.c${i} as ${col}`))
      .join(', ');
    const unnest = columns
      .map(([, type], i) => `$${i + 1}::${CAST_AFTER_UNNEST.has(type) ? 'text' : type}[]`)
      .join(', ');
    const text = `insert into ${name} (${columns.map(([c]) => c).join(', ')})${overriding ? ' overriding system value' : ''} select ${select} from unnest(${unnest}) as u(${columns.map((_, i) => `c${i}`).join(', ')})`;
    this.counts.set(name, (this.counts.get(name) ?? 0) + (values[0]?.length ?? 0));
    this.enqueue(text, values, name);
  }

  private enqueue(text: string, values: readonly unknown[], label: string): void {
    if (this.failure) throw this.failure;
    const p = this.chain.then(() =>
      this.failure
        ? undefined
        : this.client.query(text, [...values]).then(
            () => undefined,
            (err: unknown) => {
              this.failure ??= new Error(
                `loading ${label} failed: ${err instanceof Error ? err.message : String(err)}`,
              );
            },
          ),
    );
    this.chain = p;
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /**
   * Call between units of work. Without foreign-key checks (`independent`), each full table is flushed on
   * its own; otherwise every table is flushed, in declaration order, once one batch is full.
   */
  async tick(): Promise<void> {
    const full = [...this.tables.values()].filter((t) => t.full);
    if (full.length === 0) return;
    if (this.independent) for (const t of full) t.flush();
    else this.flushAll();
    await this.drain();
  }

  /** Set when the database does not check foreign keys during the load (tables may then be flushed in any order). */
  independent = false;

  flushAll(): void {
    for (const t of this.tables.values()) t.flush();
  }

  /** Waits until at most `max` batches are in flight. */
  async drain(max = this.maxInFlight): Promise<void> {
    while (this.inFlight.size > max) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Flushes every table (in declaration order), waits for everything, and returns the checksum. */
  async finish(): Promise<string> {
    this.flushAll();
    await this.drain(0);
    return this.hash.digest('hex');
  }
}

export class BulkTable {
  private data: Array<Array<string | number | boolean | null>>;
  private rows = 0;
  private readonly excluded: Set<number>;
  private readonly sentColumns: Column[];
  private readonly exists: boolean;

  constructor(
    private readonly loader: BulkLoader,
    readonly name: string,
    readonly columns: readonly Column[],
    private readonly present: readonly boolean[],
    checksumExclude: readonly string[],
    private readonly overriding: boolean,
  ) {
    this.sentColumns = columns.filter((_, i) => present[i]);
    this.exists = this.sentColumns.length > 0;
    this.data = this.sentColumns.map(() => []);
    this.excluded = new Set(columns.flatMap(([c], i) => (checksumExclude.includes(c) ? [i] : [])));
  }

  get full(): boolean {
    return this.rows >= this.loader.batchSize;
  }

  /** Adds one row (values in column order). */
  add(values: ReadonlyArray<string | number | boolean | null>): void {
    let line = this.name;
    let k = 0;
    for (let i = 0; i < this.columns.length; i++) {
      const v = values[i] ?? null;
      if (this.present[i]) this.data[k++]!.push(v);
      if (!this.excluded.has(i)) line += `|${v === null ? '\\N' : String(v)}`;
    }
    this.loader.digest(`${line}\n`);
    if (this.exists) this.rows++;
  }

  flush(): void {
    if (this.rows === 0) return;
    const data = this.data;
    this.data = this.sentColumns.map(() => []);
    this.rows = 0;
    this.loader.send(this.name, this.sentColumns, data, this.overriding);
  }
}

/** A PostgreSQL array literal for a text[] column sent as text: {"a","b"}. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
