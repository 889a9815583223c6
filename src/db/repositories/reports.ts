/**
 * @module reports repository
 * The report's state, its section versions and structured records, comments, the executive
 * summary and its language versions, consent and publications.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SectionContent } from '../../domain/reports/report.ts';
import type { DbOrTx } from '../client.ts';
import {
  executiveSummaries,
  publicationConsents,
  publications,
  reportComments,
  reportGoodPractices,
  reportNeeds,
  reportRecommendations,
  reports,
  reportSectionVersions,
  summaryLanguageVersions,
} from '../schema/reports.ts';

export type ReportRow = typeof reports.$inferSelect;
export type SectionVersionRow = typeof reportSectionVersions.$inferSelect;
export type SummaryRow = typeof executiveSummaries.$inferSelect;
export type LanguageVersionRow = typeof summaryLanguageVersions.$inferSelect;
export type PublicationRow = typeof publications.$inferSelect;
export type ConsentRow = typeof publicationConsents.$inferSelect;

export async function findReport(db: DbOrTx, reviewId: string): Promise<ReportRow | undefined> {
  return (await db.select().from(reports).where(eq(reports.reviewId, reviewId)).limit(1))[0];
}

/** The report row, created on first need; `forUpdate` serialises writers of one report. */
export async function ensureReport(db: DbOrTx, reviewId: string, forUpdate = false): Promise<ReportRow> {
  await db.insert(reports).values({ reviewId }).onConflictDoNothing();
  const query = db.select().from(reports).where(eq(reports.reviewId, reviewId));
  return (await (forUpdate ? query.for('update') : query))[0]!;
}

export async function updateReport(db: DbOrTx, reviewId: string, patch: Partial<Omit<ReportRow, 'reviewId'>>): Promise<void> {
  await db.update(reports).set(patch).where(eq(reports.reviewId, reviewId));
}

/** The latest version of every section written so far. */
export async function latestSectionVersions(db: DbOrTx, reviewId: string): Promise<SectionVersionRow[]> {
  return db
    .selectDistinctOn([reportSectionVersions.article])
    .from(reportSectionVersions)
    .where(eq(reportSectionVersions.reviewId, reviewId))
    .orderBy(asc(reportSectionVersions.article), desc(reportSectionVersions.version));
}

export async function sectionVersions(db: DbOrTx, reviewId: string, article: number): Promise<SectionVersionRow[]> {
  return db
    .select()
    .from(reportSectionVersions)
    .where(and(eq(reportSectionVersions.reviewId, reviewId), eq(reportSectionVersions.article, article)))
    .orderBy(desc(reportSectionVersions.version));
}

/** Authors per article: everyone who saved a version, in the order they first did. */
export async function sectionAuthors(db: DbOrTx, reviewId: string): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ article: reportSectionVersions.article, author: reportSectionVersions.author })
    .from(reportSectionVersions)
    .where(eq(reportSectionVersions.reviewId, reviewId))
    .orderBy(asc(reportSectionVersions.article), asc(reportSectionVersions.version));
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const list = out.get(r.article) ?? [];
    if (!list.includes(r.author)) list.push(r.author);
    out.set(r.article, list);
  }
  return out;
}

export async function insertSectionVersion(db: DbOrTx, row: typeof reportSectionVersions.$inferInsert): Promise<SectionVersionRow> {
  return (await db.insert(reportSectionVersions).values(row).returning())[0]!;
}

/** Replaces the structured rows of one section with those of its newest version. */
export async function replaceSectionRecords(db: DbOrTx, reviewId: string, article: number, content: SectionContent, referenceOf: (sequence: number) => string): Promise<void> {
  const where = <T extends typeof reportRecommendations | typeof reportGoodPractices | typeof reportNeeds>(t: T) => and(eq(t.reviewId, reviewId), eq(t.article, article));
  await db.delete(reportRecommendations).where(where(reportRecommendations));
  await db.delete(reportGoodPractices).where(where(reportGoodPractices));
  await db.delete(reportNeeds).where(where(reportNeeds));
  if (content.recommendations.length > 0) {
    await db.insert(reportRecommendations).values(content.recommendations.map((r, i) => ({ reviewId, article, sequence: i + 1, reference: referenceOf(i + 1), text: r.text })));
  }
  if (content.goodPractices.length > 0) {
    await db.insert(reportGoodPractices).values(content.goodPractices.map((g, i) => ({ reviewId, article, sequence: i + 1, text: g.text })));
  }
  if (content.needs.length > 0) {
    await db.insert(reportNeeds).values(content.needs.map((n, i) => ({ reviewId, article, sequence: i + 1, type: n.type, text: n.text })));
  }
}

export async function commentCounts(db: DbOrTx, reviewId: string): Promise<Map<number, number>> {
  const rows = await db
    .select({ article: reportComments.article, n: sql<number>`count(*)::int` })
    .from(reportComments)
    .where(eq(reportComments.reviewId, reviewId))
    .groupBy(reportComments.article);
  return new Map(rows.map((r) => [r.article, Number(r.n)]));
}

export async function listComments(db: DbOrTx, reviewId: string, article: number) {
  return db
    .select()
    .from(reportComments)
    .where(and(eq(reportComments.reviewId, reviewId), eq(reportComments.article, article)))
    .orderBy(asc(reportComments.createdAt));
}

export async function insertComment(db: DbOrTx, row: typeof reportComments.$inferInsert) {
  return (await db.insert(reportComments).values(row).returning())[0]!;
}

export async function findSummary(db: DbOrTx, reviewId: string): Promise<SummaryRow | undefined> {
  return (await db.select().from(executiveSummaries).where(eq(executiveSummaries.reviewId, reviewId)).limit(1))[0];
}

export async function insertSummary(db: DbOrTx, row: typeof executiveSummaries.$inferInsert): Promise<SummaryRow | undefined> {
  return (await db.insert(executiveSummaries).values(row).onConflictDoNothing().returning())[0];
}

/** Updates only when the stored version is still `version`; undefined means someone saved first. */
export async function updateSummary(db: DbOrTx, reviewId: string, version: number, patch: Partial<Omit<SummaryRow, 'reviewId' | 'version'>>): Promise<SummaryRow | undefined> {
  return (
    await db
      .update(executiveSummaries)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(executiveSummaries.reviewId, reviewId), eq(executiveSummaries.version, version)))
      .returning()
  )[0];
}

export async function latestLanguageVersions(db: DbOrTx, reviewId: string): Promise<LanguageVersionRow[]> {
  return db
    .selectDistinctOn([summaryLanguageVersions.language])
    .from(summaryLanguageVersions)
    .where(eq(summaryLanguageVersions.reviewId, reviewId))
    .orderBy(asc(summaryLanguageVersions.language), desc(summaryLanguageVersions.version));
}

export async function insertLanguageVersion(db: DbOrTx, row: typeof summaryLanguageVersions.$inferInsert): Promise<LanguageVersionRow | undefined> {
  return (await db.insert(summaryLanguageVersions).values(row).onConflictDoNothing().returning())[0];
}

export async function latestConsent(db: DbOrTx, reviewId: string): Promise<ConsentRow | undefined> {
  return (await db.select().from(publicationConsents).where(eq(publicationConsents.reviewId, reviewId)).orderBy(desc(publicationConsents.recordedAt)).limit(1))[0];
}

export async function insertConsent(db: DbOrTx, row: typeof publicationConsents.$inferInsert): Promise<void> {
  await db.insert(publicationConsents).values(row);
}

export async function listPublications(db: DbOrTx, reviewIds: string[]): Promise<PublicationRow[]> {
  if (reviewIds.length === 0) return [];
  return db
    .select()
    .from(publications)
    .where(inArray(publications.reviewId, reviewIds))
    .orderBy(asc(publications.document), asc(publications.language), asc(publications.version));
}

/** Every publication's id and day, for the sitemap. */
export async function listPublicationDays(db: DbOrTx): Promise<{ id: string; publishedAt: Date }[]> {
  return db.select({ id: publications.id, publishedAt: publications.publishedAt }).from(publications).orderBy(asc(publications.publishedAt));
}

export async function findPublication(db: DbOrTx, id: string): Promise<PublicationRow | undefined> {
  return (await db.select().from(publications).where(eq(publications.id, id)).limit(1))[0];
}

export async function insertPublication(db: DbOrTx, row: typeof publications.$inferInsert): Promise<PublicationRow> {
  return (await db.insert(publications).values(row).returning())[0]!;
}
