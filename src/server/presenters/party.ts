/**
 * @module party presenter
 */
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import type { PartyView } from '../use-cases/parties.ts';

export const namesSchema = z.object({ ar: z.string(), zh: z.string(), en: z.string(), fr: z.string(), ru: z.string(), es: z.string() });

export const partySchema = z.object({
  iso3: z.string(),
  iso2: z.string().nullable(),
  name: z.string().describe('Official short name in English, as in UN documents'),
  names: namesSchema,
  regionalGroup: z.enum(REGIONAL_GROUPS).nullable(),
  kind: z.enum(['state', 'reio']),
  isUnMember: z.boolean(),
  isParty: z.boolean().describe('Party to the Convention on the asOf date'),
  becameParty: z
    .object({ effectiveOn: z.string().nullable(), precision: z.enum(['day', 'year', 'unknown']) })
    .nullable()
    .describe('null: not a party; precision year = a party by 31 December of that year; unknown = before records began'),
});

export function presentParty(view: PartyView): z.infer<typeof partySchema> {
  const { row, accession } = view;
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    name: row.nameUn,
    names: namesSchema.parse(row.names),
    regionalGroup: row.regionalGroup as z.infer<typeof partySchema>['regionalGroup'],
    kind: row.kind as 'state' | 'reio',
    isUnMember: row.isUnMember,
    isParty: view.isParty,
    becameParty: accession ? { effectiveOn: accession.effectiveOn, precision: accession.precision } : null,
  };
}
