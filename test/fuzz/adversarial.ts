/**
 * Generators of hostile input for the route fuzz test: strings, numbers and shapes that
 * have broken web applications before, and request parts (body, query, URL parameters,
 * multipart files) built from them. Bodies follow the route's own zod schema about half
 * of the time (right keys, hostile values; or a field missing or extra), so the fuzz
 * reaches past validation into the use-cases instead of bouncing off the first check.
 */
import fc from 'fast-check';
import { z } from 'zod';

export const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; select pg_sleep(0); --',
  '" OR ""="',
  '\\',
  "\\'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2f',
  '/etc/passwd',
  'file:///etc/passwd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eevil\u202c',
  '\u200f\u200e',
  '\ufeff',
  'e\u0301\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ',
  '𒐫𒐫𒐫',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '9999999999999999999999',
  '9999-99-99',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  'null',
  'undefined',
  'true',
  '{}',
  '[]',
  '__proto__',
  'constructor',
  '${7*7}',
  '{{7*7}}',
  '%s%s%n',
  '\r\nSet-Cookie: x=1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'AUT',
  'ZZZ',
  'aut',
  'secretariat',
  'draft',
];

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) becomes the bytes
 * a broken client would send for it: an invalid UTF-8 sequence.
 */
export function encodeHostile(value: string): string {
  return Array.from(value, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

export const HOSTILE_NUMBERS = [0, -1, 1, 0.5, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 1_000_000];

/** Any UTF-16 code unit, lone surrogates included: what a broken client can put in JSON. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + b) },
  // Huge: a megabyte, past the default body limit once quoted; and just under it.
  { weight: 1, arbitrary: fc.constantFrom('A'.repeat(1_048_576), 'é'.repeat(300_000), 'x'.repeat(20_000)) },
);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** A value of any JSON type, chosen to be wrong wherever it lands. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}')) },
  { weight: 1, arbitrary: fc.constantFrom(deeplyNested(1_000), deeplyNested(50)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 4 }) },
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
};

/** The route's zod schema as JSON Schema (input side), or undefined when it has none or cannot be shown. */
export function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return undefined;
  try {
    return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

/** A plausible value of the schema's type (so the request gets past that field), or a hostile one. */
function plausible(schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => plausible(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return shapedObject(schema, depth + 1);
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
    case 'integer':
    case 'number':
      return fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer({ min: -5, max: 3000 }));
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), hostileString);
      if (schema.format === 'date') return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), hostileString);
      if (schema.format === 'date-time') return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), hostileString);
      return hostileString;
    default:
      return hostileValue;
  }
}

function valueFor(schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausible(schema, depth) }, { weight: 1, arbitrary: hostileValue });
}

/** The schema's keys with generated values; now and then a key left out or a stray one added. */
function shapedObject(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  const fields = Object.fromEntries(keys.map((key) => [key, valueFor(schema.properties![key], depth)]));
  return fc
    .tuple(
      fc.record(fields),
      keys.length ? fc.option(fc.constantFrom(...keys), { freq: 3 }) : fc.constant(null),
      fc.option(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'extra', 'role', 'isAdmin', 'version'), hostileValue, { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([record, dropped, extra]) => {
      // Most runs keep every key so that a single hostile value is what the route sees.
      const kept: Record<string, unknown> = { ...record };
      if (dropped !== null) delete kept[dropped];
      return { ...kept, ...(extra ?? {}) };
    });
}

/** A JSON body for a route: shaped like its schema, or anything at all. */
export function bodyFor(schema: unknown): fc.Arbitrary<unknown> {
  const json = jsonSchemaOf(schema);
  const shaped = json ? plausible(json, 0) : fc.constant({});
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant({}) });
}

/** A query string: the schema's keys and random ones, values hostile, sometimes raw broken encoding. */
export function queryFor(schema: unknown): fc.Arbitrary<string> {
  const keys = Object.keys(jsonSchemaOf(schema)?.properties ?? {});
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), hostileString) : hostileString;
  const pair = fc.tuple(key, fc.oneof(hostileString.filter((s) => s.length < 5_000), fc.integer().map(String))).map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`);
  const raw = fc.constantFrom('%', '%zz', 'a[b]=c', 'a[]=1&a[]=2', '&&&', '=', 'q=%00', 'q=%ff%fe', 'limit=1&limit=2', '__proto__[x]=1');
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: pair }, { weight: 1, arbitrary: raw }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('&')) },
  );
}

/** A URL parameter: a real value (so the route is reached), or a hostile one, encoded or raw. */
export function paramValue(realValues: string[]): fc.Arbitrary<string> {
  const rawHostile = fc.constantFrom('..%2f..%2fetc%2fpasswd', '%2e%2e%2f', '%2e%2e', '..', '.', '%00', '%ZZ', '%', '%ff', '%c0%ae%c0%ae', '%E2%80%AE', '%F0%9F%98%80', '1%20OR%201%3D1', '%3Cscript%3E');
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...realValues) },
    { weight: 3, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 3_000).map(encodeHostile) },
    { weight: 2, arbitrary: rawHostile },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

export interface MultipartBody {
  contentType: string;
  payload: Buffer;
  filename: string;
}

const hostileFilename = fc.oneof(
  fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', '%2e%2e%2fsecret.pdf', '/etc/shadow', 'a\u0000.pdf', 'report.pdf\u202egpj.exe', '"quoted".pdf', 'line\r\nbreak.pdf', 'CON', 'x'.repeat(5_000) + '.pdf', '', '.', '.htaccess', '🧨.docx', 'e\u0301.pdf'),
  hostileString.filter((s) => s.length < 1_000),
);

/** Magic numbers the upload routes sniff, so some random files look like PDF or DOCX at first. */
const MAGICS = [Buffer.alloc(0), Buffer.from('%PDF-1.7\n'), Buffer.from('PK\u0003\u0004'), Buffer.from('\u00ff\u00d8\u00ff'), Buffer.from('MZ')];

/** A multipart/form-data body with one file of random bytes and a hostile name (or a malformed body). */
export const multipartBody: fc.Arbitrary<MultipartBody> = fc
  .tuple(hostileFilename, fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 4_096 }), fc.constantFrom('application/pdf', 'application/octet-stream', 'text/html', 'image/svg+xml', ''), fc.integer({ min: 0, max: 5 }))
  .map(([filename, magic, random, fileType, mode]) => {
    const boundary = '----fuzz' + random.length;
    const quoted = filename.replace(/"/g, '%22');
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\n${fileType ? `Content-Type: ${fileType}\r\n` : ''}\r\n`;
    const file = Buffer.concat([magic, Buffer.from(random)]);
    const tail = `\r\n--${boundary}--\r\n`;
    const parts =
      mode === 0
        ? [Buffer.from(head), file] // truncated: no closing boundary
        : mode === 1
          ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello${tail}`)] // a field, no file
          : [Buffer.from(head), file, Buffer.from(tail)];
    return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(parts), filename };
  });
