/**
 * @module parties repository
 */
import { asc, eq } from 'drizzle-orm';
import type { Accession, DatePrecision } from '../../domain/parties/party.ts';
import type { DbOrTx } from '../client.ts';
import { accessions, parties } from '../schema/reference.ts';

export type PartyRow = typeof parties.$inferSelect;

export async function findPartyRow(db: DbOrTx, iso3: string): Promise<PartyRow | undefined> {
  const rows = await db.select().from(parties).where(eq(parties.iso3, iso3.toUpperCase())).limit(1);
  return rows[0];
}

export async function listPartyRows(db: DbOrTx): Promise<PartyRow[]> {
  return db.select().from(parties).orderBy(asc(parties.nameUn));
}

function toAccession(row: typeof accessions.$inferSelect): Accession {
  return { partyIso3: row.partyIso3, effectiveOn: row.effectiveOn, precision: row.precision as DatePrecision };
}

export async function listAccessions(db: DbOrTx): Promise<Accession[]> {
  return (await db.select().from(accessions)).map(toAccession);
}

export async function findAccession(db: DbOrTx, iso3: string): Promise<Accession | undefined> {
  const rows = await db.select().from(accessions).where(eq(accessions.partyIso3, iso3)).limit(1);
  return rows[0] ? toAccession(rows[0]) : undefined;
}

export async function saveAccession(db: DbOrTx, accession: Accession & { source: string; recordedBy: string }): Promise<void> {
  const values = {
    partyIso3: accession.partyIso3,
    effectiveOn: accession.effectiveOn,
    precision: accession.precision,
    source: accession.source,
    recordedBy: accession.recordedBy,
    recordedAt: new Date(),
  };
  await db.insert(accessions).values(values).onConflictDoUpdate({ target: accessions.partyIso3, set: values });
}
