/**
 * @module published-material
 * THE SINGLE EXTENSION POINT for published documents, recommendations and good practices
 * (docs/PUBLIC.md, "Published material").
 *
 * The public country profile (GET /api/public/countries/:iso3) and the crawl test take every
 * published item of a review from `publishedMaterialOf` and from nowhere else. Today nothing
 * stores reports or executive summaries, so it returns "nothing published" for every review
 * and the web shows "None published yet".
 *
 * When the country review report lands (issue 5, "Country review report" and "Publication"),
 * replace the body with queries that return ONLY what is published:
 *   - documents: executive summaries once published (each finalised language version), the
 *     full report and the checklist only with the State's recorded consent and only in the
 *     consented languages; every published version (corrections are new versions with a note);
 *   - recommendations and good practices: those of a published report (or summary) only.
 * Keep it one set query per kind for all the given reviews (the profile's p99 target is
 * 50 ms at 20 concurrent clients: `npm run bench:profile`), and clear `deps.trackerCache`
 * when something is published so the cached public responses change at once.
 * The public-crawl test (test/routes/public.test.ts) then checks that drafts never leak.
 */
import type { DbOrTx } from '../../db/client.ts';
import { NOTHING_PUBLISHED, type PublishedMaterial } from '../../domain/reviews/public-view.ts';

/** The published material of each given review (every id is in the map). */
export async function publishedMaterialOf(_db: DbOrTx, reviewIds: readonly string[]): Promise<Map<string, PublishedMaterial>> {
  return new Map(reviewIds.map((id) => [id, NOTHING_PUBLISHED]));
}
