import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas in the app's OpenAPI document (generated from the zod
 * contracts), for the input fuzzer: values that follow the schema (so requests reach the handlers), values
 * that break it, and hostile values (very long, control characters, markup, SQL, huge numbers, deep JSON).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Where the fuzzer takes realistic values from: ids of records that exist, by kind. */
export interface FuzzContext {
  idsFor(name: string): readonly string[];
}

const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

/** Strings an attacker or a broken client sends. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m\r\n\t',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u200b\ufeff',
  '𝕹𝖆𝖇𝖎𝖏 😀 👨‍👩‍👧',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  '1; SELECT pg_sleep(10)',
  '\\',
  '\\x00',
  '%00%2e%2e%2f',
  '../../etc/passwd',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '99999999999999999999999999',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  'x'.repeat(5_000),
  'é'.repeat(70_000),
  'ab'.repeat(200_000),
];

/** Values of every other JSON type, for "wrong type" mutations. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  2147483648,
  -2147483649,
  9007199254740993,
  1e308,
  -1e308,
  5e-324,
  0.1,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  JSON.parse(nested(200, '[', ']')),
  JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`),
  Array.from({ length: 2_000 }, (_, i) => i),
];

/** Raw bodies that are not (valid) JSON: invalid UTF-8, broken syntax, extreme nesting. */
export const RAW_BODIES: ReadonlyArray<{ contentType: string; payload: Buffer | string }> = [
  {
    contentType: 'application/json',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  },
  { contentType: 'application/json', payload: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) },
  { contentType: 'application/json', payload: Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]) },
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: '{"a":1,}' },
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'application/json', payload: '"just a string"' },
  { contentType: 'application/json', payload: '1e99999' },
  { contentType: 'application/json', payload: nested(100_000, '[', ']') },
  { contentType: 'application/json', payload: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}` },
  { contentType: 'application/json', payload: `{"x":"${'a'.repeat(1_100_000)}"}` },
  { contentType: 'application/json; charset=utf-16', payload: '{}' },
  { contentType: 'text/plain', payload: 'hallo' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
  {
    contentType: 'multipart/form-data; boundary=x',
    payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  },
  {
    contentType: 'application/xml',
    payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b SYSTEM "file:///etc/passwd">]><a>&b;</a>',
  },
];

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Realistic values by field name, so that generated requests pass the domain checks more often. */
function hintFor(name: string): fc.Arbitrary<unknown> | undefined {
  const n = name.toLowerCase();
  if (n === 'bsn') return fc.constantFrom('999990019', '999990020', '123456782', '111222333');
  if (n === 'postcode') return fc.constantFrom('1234 AB', '3511AB', '9999 ZZ');
  if (n === 'housenumber') return fc.constantFrom('1', '12', '123');
  if (n === 'phone' || n.endsWith('phone')) return fc.constantFrom('0612345678', '030-1234567', '+31612345678');
  if (n === 'email' || n.endsWith('email')) return fc.constantFrom('iemand@example.org', 'a.b@example.nl');
  if (n === 'dateofbirth' || n.endsWith('on') || n.endsWith('date') || n === 'date' || n === 'startson') return isoDate;
  if (n === 'contentbase64') return fc.constantFrom('JVBERi0xLjQKJeLjz9MK', 'iVBORw0KGgo=', 'aGFsbG8=', '');
  if (n === 'filename') return fc.constantFrom('brief.pdf', 'foto.png', '../../x.pdf', 'a'.repeat(300));
  if (n === 'csv')
    return fc.constantFrom(
      'organisatie;naam;leefgebieden;soort\nBuurthuis;Taalcafé;community_participation;group',
      'a;b\n"',
      '',
    );
  return undefined;
}

function stringFor(schema: JsonSchema, name: string, ctx: FuzzContext): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    const known = ctx.idsFor(name);
    return known.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() })
      : fc.uuid();
  }
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant('iemand@example.org'));
  if (schema.format === 'date') return isoDate;
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  const hint = hintFor(name) as fc.Arbitrary<string> | undefined;
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 400);
  const free = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) },
  );
  if (schema.pattern) {
    let matching: fc.Arbitrary<string> | undefined;
    try {
      matching = fc.stringMatching(new RegExp(schema.pattern), { maxLength: Math.max(maxLength, 20) });
    } catch {
      matching = undefined;
    }
    return fc.oneof(...[matching, hint, free].filter((a): a is fc.Arbitrary<string> => a !== undefined));
  }
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 2, arbitrary: free }) : free;
}

/** A value that follows `schema` (as far as JSON Schema can say; zod refinements may still refuse it). */
export function valueFor(
  schema: JsonSchema | undefined,
  ctx: FuzzContext,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, ctx, name, depth + 1)));
  if (schema.allOf) return valueFor(Object.assign({}, ...schema.allOf) as JsonSchema, ctx, name, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string'];
  return fc.oneof(...types.map((type) => valueOfType(type, schema, ctx, name, depth)));
}

function valueOfType(
  type: string,
  schema: JsonSchema,
  ctx: FuzzContext,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      // Optimistic-concurrency versions: small numbers, so that some requests carry the current one.
      if (name === 'version') return fc.integer({ min: 0, max: 40 });
      const min = Math.max(
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000),
        -1_000_000,
      );
      const max = Math.min(
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000),
        1_000_000,
      );
      return fc.integer({ min: Math.min(min, max), max: Math.max(min, max) });
    }
    case 'number': {
      const min = schema.minimum ?? -1_000;
      const max = schema.maximum ?? 1_000;
      return fc.oneof(
        fc.integer({ min: Math.ceil(Math.max(min, -1e6)), max: Math.floor(Math.min(max, 1e6)) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(valueFor(schema.items, ctx, name, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, maxLength),
        maxLength,
      });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) model[key] = valueFor(sub, ctx, key, depth + 1);
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return stringFor(schema, name, ctx);
  }
}

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** Characters slipped into an otherwise valid text: it passes validation and travels all the way to the database. */
const SLIPPED = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ud800',
  '\udc00',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\uffff',
  '\u{10ffff}',
  '\\',
  "'",
  '"',
  '%',
  '${x}',
];

/**
 * One change to an otherwise generated value: a hostile value somewhere (or for the whole of it), a
 * property dropped, or a strange character slipped into one of its texts.
 */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  const paths: Array<Array<string | number>> = [[]];
  const texts: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (path.length > 6) return;
    if (typeof v === 'string') texts.push(path);
    const children: Array<[string | number, unknown]> = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : v && typeof v === 'object'
        ? Object.entries(v)
        : [];
    for (const [key, child] of children) {
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(value, []);
  const set = (
    path: Array<string | number>,
    change: (parent: Record<string | number, unknown>, last: string | number) => void,
  ) => {
    if (path.length === 0) return undefined;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let parent = copy;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    change(parent, path[path.length - 1]!);
    return copy;
  };
  const replaced = fc.tuple(fc.constantFrom(...paths), hostile, fc.boolean()).map(([path, replacement, drop]) =>
    path.length === 0
      ? replacement
      : set(path, (parent, last) => {
          if (drop && !Array.isArray(parent)) Reflect.deleteProperty(parent, last);
          else parent[last] = replacement;
        }),
  );
  if (texts.length === 0) return replaced;
  const character = fc.oneof(
    { weight: 1, arbitrary: fc.constant('\u0000') },
    { weight: 2, arbitrary: fc.constantFrom(...SLIPPED) },
  );
  const slipped = fc.tuple(fc.constantFrom(...texts), character, fc.nat()).map(([path, ch, at]) =>
    path.length === 0
      ? `${String(value).slice(0, at % (String(value).length + 1))}${ch}${String(value).slice(at % (String(value).length + 1))}`
      : set(path, (parent, last) => {
          const text = String(parent[last]);
          const i = at % (text.length + 1);
          parent[last] = `${text.slice(0, i)}${ch}${text.slice(i)}`;
        }),
  );
  return fc.oneof({ weight: 1, arbitrary: replaced }, { weight: 1, arbitrary: slipped });
}
