// schema.ts is written by hand (ADR 0043); this test keeps it true to the migrated database. Every table and column
// of the database is declared, with a type the driver really returns and the right nullability; nothing is declared
// that does not exist; a column that may be left out on insert has a default (or may be null).
import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database';

/** What a column holds as JavaScript, on both sides: from schema.ts through the type checker, from the database by its type. */
type Kind =
  'string' | 'number' | 'boolean' | 'Date' | 'Buffer' | 'json' | `${'string' | 'number' | 'boolean' | 'Date'}[]`;

interface Declared {
  kind: Kind | `other: ${string}`;
  /** 'either' for `unknown` (a json column), which admits null and everything else. */
  nullable: boolean | 'either';
  optionalOnInsert: boolean;
}

interface Actual {
  kind: Kind | `unmapped: ${string}`;
  nullable: boolean;
  hasDefault: boolean;
}

/** The selected type and insert-optionality of every column of `DB`, as Kysely sees them (Selectable / Insertable). */
function declaredColumns(): Map<string, Map<string, Declared>> {
  const schemaFile = path.join(import.meta.dirname, 'schema.ts');
  const probeFile = path.join(import.meta.dirname, '__schema_probe__.ts');
  const probe = [
    "import type { Insertable, Selectable } from 'kysely';",
    "import type { DB } from './schema';",
    'export type Selected = { [T in keyof DB]: Selectable<DB[T]> };',
    'export type Inserted = { [T in keyof DB]: Insertable<DB[T]> };',
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === probeFile ? probe : readFile(f));
  host.fileExists = (f) => f === probeFile || fileExists(f);
  host.getSourceFile = (f, lang, ...rest) =>
    f === probeFile ? ts.createSourceFile(f, probe, lang) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([probeFile, schemaFile], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probeFile)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const exported = new Map(
    checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, checker.getDeclaredTypeOfSymbol(s)]),
  );
  const selected = exported.get('Selected')!;
  const inserted = exported.get('Inserted')!;

  const result = new Map<string, Map<string, Declared>>();
  for (const table of checker.getPropertiesOfType(selected)) {
    const row = checker.getTypeOfSymbol(table);
    const insertRow = checker.getTypeOfSymbol(checker.getPropertyOfType(inserted, table.name)!);
    const columns = new Map<string, Declared>();
    for (const column of checker.getPropertiesOfType(row)) {
      const type = checker.getTypeOfSymbol(column);
      const parts = type.isUnion() ? type.types : [type];
      const nullable = parts.some((t) => (t.flags & ts.TypeFlags.Unknown) !== 0)
        ? 'either'
        : parts.some((t) => (t.flags & ts.TypeFlags.Null) !== 0);
      const rest = parts.filter((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) === 0);
      const insertColumn = checker.getPropertyOfType(insertRow, column.name);
      columns.set(column.name, {
        kind: kindOf(checker, rest),
        nullable,
        optionalOnInsert: !insertColumn || (insertColumn.flags & ts.SymbolFlags.Optional) !== 0,
      });
    }
    result.set(table.name, columns);
  }
  return result;
}

function kindOf(checker: ts.TypeChecker, parts: readonly ts.Type[]): Declared['kind'] {
  const text = parts.map((t) => checker.typeToString(t)).join(' | ');
  if (parts.length === 0) return `other: ${text}`;
  if (parts.every((t) => (t.flags & ts.TypeFlags.StringLike) !== 0)) return 'string';
  if (parts.every((t) => (t.flags & ts.TypeFlags.NumberLike) !== 0)) return 'number';
  if (parts.every((t) => (t.flags & ts.TypeFlags.BooleanLike) !== 0)) return 'boolean';
  if (parts.length === 1 && text === 'Date') return 'Date';
  if (parts.length === 1 && /^Buffer(<.*>)?$/.test(text)) return 'Buffer';
  if (parts.length === 1 && checker.isArrayType(parts[0]!)) {
    const element = kindOf(checker, [checker.getTypeArguments(parts[0] as ts.TypeReference)[0]!]);
    if (element === 'string' || element === 'number' || element === 'boolean' || element === 'Date')
      return `${element}[]`;
  }
  // Anything else (unknown, an object, a tuple, an array of objects) can only be JSON.
  return parts.every((t) => (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Object)) !== 0) ? 'json' : `other: ${text}`;
}

/** What node-postgres returns for a column, with the parsers database.ts sets (date as text, int8 as number). */
function kindOfDatabaseType(udt: string): Actual['kind'] {
  const scalar: Record<string, Kind> = {
    uuid: 'string',
    text: 'string',
    varchar: 'string',
    bpchar: 'string',
    citext: 'string',
    inet: 'string',
    xid8: 'string',
    date: 'string',
    numeric: 'string',
    interval: 'string',
    time: 'string',
    tsvector: 'string',
    int2: 'number',
    int4: 'number',
    int8: 'number',
    float4: 'number',
    float8: 'number',
    bool: 'boolean',
    timestamptz: 'Date',
    timestamp: 'Date',
    bytea: 'Buffer',
    json: 'json',
    jsonb: 'json',
  };
  if (udt.startsWith('_')) {
    const element = scalar[udt.slice(1)];
    if (element === 'string' || element === 'number' || element === 'boolean' || element === 'Date')
      return `${element}[]`;
    return `unmapped: ${udt}`;
  }
  return scalar[udt] ?? `unmapped: ${udt}`;
}

let t: TestDatabase;
let actual: Map<string, Map<string, Actual>>;
let declared: Map<string, Map<string, Declared>>;

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await sql<{
    table_name: string;
    column_name: string;
    udt_name: string;
    is_nullable: string;
    has_default: boolean;
  }>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable,
           (c.column_default is not null or c.is_identity = 'YES' or c.is_generated = 'ALWAYS') as has_default
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
     order by c.table_name, c.ordinal_position`.execute(t.db.kysely);
  actual = new Map();
  for (const r of rows.rows) {
    const columns = actual.get(r.table_name) ?? new Map<string, Actual>();
    columns.set(r.column_name, {
      kind: kindOfDatabaseType(r.udt_name),
      nullable: r.is_nullable === 'YES',
      hasDefault: r.has_default,
    });
    actual.set(r.table_name, columns);
  }
  declared = declaredColumns();
}, 120_000);

afterAll(async () => {
  await t.drop();
});

describe('schema.ts against the migrated database', () => {
  it('declares every table of the database, and no table the migrations do not create', () => {
    expect(actual.size).toBeGreaterThan(50);
    expect([...actual.keys()].filter((name) => !declared.has(name)).sort()).toEqual([]);
    expect([...declared.keys()].filter((name) => !actual.has(name)).sort()).toEqual([]);
  });

  it('declares every column with the type node-postgres returns and the nullability of the database', () => {
    const problems: string[] = [];
    for (const [table, columns] of actual) {
      const declaredColumnsOfTable = declared.get(table);
      if (!declaredColumnsOfTable) continue; // reported by the test above
      for (const [column, a] of columns) {
        const d = declaredColumnsOfTable.get(column);
        const where = `${table}.${column}`;
        if (!d) {
          problems.push(`${where}: in the database (${a.kind}), not declared`);
          continue;
        }
        if (d.kind !== a.kind) problems.push(`${where}: declared ${d.kind}, the database returns ${a.kind}`);
        if (d.nullable !== 'either' && d.nullable !== a.nullable)
          problems.push(
            `${where}: declared ${d.nullable ? 'nullable' : 'not null'}, the database has it ${a.nullable ? 'nullable' : 'not null'}`,
          );
        // Generated<…> (optional on insert) on a not-null column without a default lets an insert compile that the database refuses.
        // (`unknown`, for json, is always optional to Kysely: that one cannot be told apart.)
        if (d.optionalOnInsert && d.nullable !== 'either' && !a.nullable && !a.hasDefault)
          problems.push(`${where}: optional on insert (Generated), but not null without a default`);
      }
      for (const column of declaredColumnsOfTable.keys()) {
        if (!columns.has(column)) problems.push(`${table}.${column}: declared, not in the database`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sees the declarations as they are (the comparison is not vacuous)', () => {
    // The checker's view of a few well-known columns, so that a mapping that silently accepted everything would fail here.
    expect(declared.get('app_user')?.get('username')).toEqual({
      kind: 'string',
      nullable: false,
      optionalOnInsert: false,
    });
    expect(declared.get('app_user')?.get('created_at')).toMatchObject({
      kind: 'Date',
      nullable: false,
      optionalOnInsert: true,
    });
    expect(declared.get('session')?.get('expires_at')).toEqual({
      kind: 'Date',
      nullable: false,
      optionalOnInsert: false,
    });
    expect(declared.get('app_user')?.get('expertise')).toMatchObject({ kind: 'string[]', nullable: false });
    expect(declared.get('access_log')?.get('detail')).toMatchObject({ kind: 'json', nullable: 'either' });
    expect(actual.get('app_user')?.get('totp_enabled_at')).toEqual({ kind: 'Date', nullable: true, hasDefault: false });
  });
});
