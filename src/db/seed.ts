/**
 * @module seed
 * Loads the reference data (Convention structure, States, cycles) and, when allowed, the
 * fictitious demo accounts. Idempotent: rows that exist are left alone, so a second run
 * changes nothing and never overwrites what the secretariat has since recorded.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { systemActor } from '../domain/accounts/roles.ts';
import type { Db } from './client.ts';
import { appendAudit } from './repositories/audit.ts';
import { readReferenceFiles, type ReferenceFiles } from './reference-files.ts';
import { systemSettings } from './schema/system.ts';
import { accessions, articles, chapters, cohortMembers, cohorts, cycles, mechanisms, parties, provisions } from './schema/reference.ts';

export interface SeedResult {
  inserted: Record<string, number>;
}

const REFERENCE_HASH_KEY = 'reference.hash';

function hashOf(files: ReferenceFiles): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}

export async function seedReferenceData(db: Db, files: ReferenceFiles = readReferenceFiles()): Promise<SeedResult> {
  const { convention, mechanism } = files;
  const code = convention.instrument.code;
  const hash = hashOf(files);
  // The same files were loaded before: nothing to add (keeps restarts fast).
  const loaded = await db.select().from(systemSettings).where(eq(systemSettings.key, REFERENCE_HASH_KEY)).limit(1);
  if (loaded[0]?.value === hash) return { inserted: {} };
  return db.transaction(async (tx) => {
    const count = (rows: unknown[]) => rows.length;
    const inserted: Record<string, number> = {};

    inserted.mechanisms = count(
      await tx.insert(mechanisms).values(mechanism.mechanism).onConflictDoNothing().returning({ id: mechanisms.id }),
    );
    inserted.chapters = count(
      await tx
        .insert(chapters)
        .values(convention.chapters.map((c) => ({ instrumentCode: code, number: c.number, ordinal: c.ordinal, title: c.title })))
        .onConflictDoNothing()
        .returning({ n: chapters.number }),
    );
    const articleRows = convention.chapters.flatMap((c) =>
      c.articles.map((a) => ({ instrumentCode: code, number: a.number, chapterNumber: c.number, title: a.title })),
    );
    inserted.articles = count(await tx.insert(articles).values(articleRows).onConflictDoNothing().returning({ n: articles.number }));
    const provisionRows = convention.chapters.flatMap((c) =>
      c.articles.flatMap((a) =>
        a.provisions.map((p, index) => ({
          instrumentCode: code,
          id: p.id,
          articleNumber: a.number,
          ordinal: index + 1,
          label: p.label,
          part: p.part,
          paragraph: p.paragraph,
          subparagraph: p.subparagraph,
          obligation: p.obligation,
          items: p.items ?? null,
          note: p.note ?? null,
        })),
      ),
    );
    inserted.provisions = count(await tx.insert(provisions).values(provisionRows).onConflictDoNothing().returning({ id: provisions.id }));

    inserted.parties = count(
      await tx
        .insert(parties)
        .values(
          files.parties.map((p) => ({
            iso3: p.iso3,
            iso2: p.iso2,
            nameUn: p.nameUn,
            nameCommon: p.nameCommon,
            names: p.names,
            regionalGroup: p.regionalGroup,
            kind: p.kind,
            isUnMember: p.isUnMember,
          })),
        )
        .onConflictDoNothing()
        .returning({ iso3: parties.iso3 }),
    );
    const accessionRows = files.parties.flatMap((p) =>
      p.accession ? [{ partyIso3: p.iso3, effectiveOn: p.accession.effectiveOn, precision: p.accession.precision, source: 'reference' }] : [],
    );
    inserted.accessions = count(
      await tx.insert(accessions).values(accessionRows).onConflictDoNothing().returning({ iso3: accessions.partyIso3 }),
    );

    inserted.cycles = count(
      await tx
        .insert(cycles)
        .values(mechanism.cycles.map((c) => ({ ...c, mechanismId: mechanism.mechanism.id })))
        .onConflictDoNothing()
        .returning({ n: cycles.number }),
    );
    inserted.cohorts = 0;
    for (const cohort of mechanism.cohorts) {
      const created = await tx
        .insert(cohorts)
        .values({ cycleNumber: cohort.cycleNumber, year: cohort.year })
        .onConflictDoNothing()
        .returning({ y: cohorts.year });
      if (created.length === 0) continue;
      inserted.cohorts += 1;
      if (cohort.states.length > 0) {
        await tx
          .insert(cohortMembers)
          .values(cohort.states.map((iso3) => ({ cycleNumber: cohort.cycleNumber, year: cohort.year, partyIso3: iso3 })));
      }
    }

    await tx
      .insert(systemSettings)
      .values({ key: REFERENCE_HASH_KEY, value: hash })
      .onConflictDoUpdate({ target: systemSettings.key, set: { value: hash, updatedAt: new Date() } });
    const total = Object.values(inserted).reduce((a, b) => a + b, 0);
    if (total > 0) {
      await appendAudit(tx, { actor: systemActor('seed'), action: 'reference.seed', resourceType: 'reference', details: { inserted } });
    }
    return { inserted };
  });
}
