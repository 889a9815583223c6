/**
 * @module reference-files
 * Reads the reference data shipped in data/reference and checks its shape, so a damaged
 * file stops the seed with a clear message instead of loading half a list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../domain/parties/regional-groups.ts';

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/reference');

const names = z.object({ ar: z.string().min(1), zh: z.string().min(1), en: z.string().min(1), fr: z.string().min(1), ru: z.string().min(1), es: z.string().min(1) });

export const partyFileSchema = z.array(
  z.object({
    iso3: z.string().regex(/^[A-Z]{3}$/),
    iso2: z.string().regex(/^[A-Z]{2}$/).nullable(),
    nameCommon: z.string().min(1),
    nameUn: z.string().min(1),
    names,
    regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
    kind: z.enum(['state', 'reio']),
    isUnMember: z.boolean(),
    accession: z
      .object({ effectiveOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), precision: z.enum(['day', 'year', 'unknown']) })
      .nullable(),
  }),
);

const provisionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  part: z.enum(['article', 'paragraph', 'subparagraph', 'chapeau']),
  paragraph: z.number().int().nullable(),
  subparagraph: z.string().nullable(),
  obligation: z.enum(['mandatory', 'consider', 'optional', 'definition']),
  items: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const conventionFileSchema = z.object({
  instrument: z.object({ code: z.string().min(1), title: z.string().min(1) }),
  chapters: z.array(
    z.object({
      number: z.string().min(1),
      ordinal: z.number().int(),
      title: z.string().min(1),
      articles: z.array(z.object({ number: z.number().int(), title: z.string().min(1), provisions: z.array(provisionSchema) })),
    }),
  ),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const mechanismFileSchema = z.object({
  mechanism: z.object({ id: z.string(), name: z.string(), instrumentCode: z.string(), settings: z.record(z.string(), z.unknown()) }),
  cycles: z.array(
    z.object({
      number: z.number().int().positive(),
      title: z.string(),
      chapters: z.array(z.string()),
      startsOn: isoDate,
      endsOn: isoDate,
      extendedTo: isoDate.nullable(),
      years: z.number().int().positive(),
      firstYear: z.number().int(),
    }),
  ),
  cohorts: z.array(z.object({ cycleNumber: z.number().int(), year: z.number().int(), states: z.array(z.string()) })),
});

function readJson<T>(file: string, schema: z.ZodType<T>, dir: string): T {
  const full = path.join(dir, file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Reference file ${full} is malformed at ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

export function readReferenceFiles(dir = REFERENCE_DIR) {
  return {
    parties: readJson('parties.json', partyFileSchema, dir),
    convention: readJson('convention.json', conventionFileSchema, dir),
    mechanism: readJson('mechanism.json', mechanismFileSchema, dir),
  };
}
export type ReferenceFiles = ReturnType<typeof readReferenceFiles>;
