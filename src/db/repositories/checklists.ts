/**
 * @module checklists repository
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { checklistAnswers, checklistAnswerVersions, checklistSubmissions } from '../schema/checklists.ts';
import { articles, provisions } from '../schema/reference.ts';

export type AnswerRow = typeof checklistAnswers.$inferSelect;
export type AnswerVersionRow = typeof checklistAnswerVersions.$inferSelect;

/** Provisions of the given chapters, in the Convention's order. */
export async function provisionsOfChapters(db: DbOrTx, instrumentCode: string, chapterNumbers: string[]) {
  return db
    .select({ articleNumber: articles.number, articleTitle: articles.title, chapter: articles.chapterNumber, id: provisions.id, label: provisions.label, obligation: provisions.obligation })
    .from(provisions)
    .innerJoin(articles, and(eq(articles.instrumentCode, provisions.instrumentCode), eq(articles.number, provisions.articleNumber)))
    .where(and(eq(provisions.instrumentCode, instrumentCode), inArray(articles.chapterNumber, chapterNumbers.length > 0 ? chapterNumbers : ['-'])))
    .orderBy(asc(provisions.articleNumber), asc(provisions.ordinal));
}

export async function listAnswers(db: DbOrTx, reviewId: string): Promise<AnswerRow[]> {
  return db.select().from(checklistAnswers).where(eq(checklistAnswers.reviewId, reviewId));
}

export async function findAnswer(db: DbOrTx, reviewId: string, provisionId: string): Promise<AnswerRow | undefined> {
  return (await db.select().from(checklistAnswers).where(and(eq(checklistAnswers.reviewId, reviewId), eq(checklistAnswers.provisionId, provisionId))).limit(1))[0];
}

export async function insertAnswer(db: DbOrTx, row: typeof checklistAnswers.$inferInsert): Promise<AnswerRow> {
  return (await db.insert(checklistAnswers).values(row).onConflictDoNothing().returning())[0]!;
}

/** Updates only when the stored version is still `version`; undefined means someone saved first. */
export async function updateAnswer(db: DbOrTx, reviewId: string, provisionId: string, version: number, patch: Pick<AnswerRow, 'compliance' | 'text' | 'assistanceNeeds' | 'updatedBy'>) {
  return (
    await db
      .update(checklistAnswers)
      .set({ ...patch, version: version + 1, updatedAt: new Date() })
      .where(and(eq(checklistAnswers.reviewId, reviewId), eq(checklistAnswers.provisionId, provisionId), eq(checklistAnswers.version, version)))
      .returning()
  )[0];
}

export async function listSubmissions(db: DbOrTx, reviewId: string) {
  return db.select().from(checklistSubmissions).where(eq(checklistSubmissions.reviewId, reviewId)).orderBy(desc(checklistSubmissions.number));
}

export async function insertSubmission(db: DbOrTx, row: typeof checklistSubmissions.$inferInsert): Promise<void> {
  await db.insert(checklistSubmissions).values(row);
}

/** Keeps a copy of a saved answer in its history. */
export async function insertAnswerVersion(db: DbOrTx, answer: AnswerRow, source: AnswerVersionRow['source']): Promise<void> {
  const { reviewId, provisionId, version, compliance, text, assistanceNeeds, updatedBy, updatedAt } = answer;
  await db.insert(checklistAnswerVersions).values({ reviewId, provisionId, version, compliance, text, assistanceNeeds, updatedBy, updatedAt, source });
}

/** Every saved version of one answer, newest first. */
export async function listAnswerVersions(db: DbOrTx, reviewId: string, provisionId: string): Promise<AnswerVersionRow[]> {
  return db
    .select()
    .from(checklistAnswerVersions)
    .where(and(eq(checklistAnswerVersions.reviewId, reviewId), eq(checklistAnswerVersions.provisionId, provisionId)))
    .orderBy(desc(checklistAnswerVersions.version));
}
