/**
 * @module convention repository
 * Reads the treaty's structure in document order.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { articles, chapters, provisions } from '../schema/reference.ts';

export async function loadConventionRows(db: DbOrTx, instrumentCode: string) {
  const [chapterRows, articleRows, provisionRows] = await Promise.all([
    db.select().from(chapters).where(eq(chapters.instrumentCode, instrumentCode)).orderBy(asc(chapters.ordinal)),
    db.select().from(articles).where(eq(articles.instrumentCode, instrumentCode)).orderBy(asc(articles.number)),
    db
      .select()
      .from(provisions)
      .where(eq(provisions.instrumentCode, instrumentCode))
      .orderBy(asc(provisions.articleNumber), asc(provisions.ordinal)),
  ]);
  return { chapterRows, articleRows, provisionRows };
}
