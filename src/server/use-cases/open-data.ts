/**
 * @module open-data use cases
 * The open data sets (docs/OPEN-DATA.md), read in pages so that an export of any size holds
 * only one page in memory. Whoever asks, everything is read AS THE ANONYMOUS PUBLIC through the
 * same views as the public pages — the schedule's public facts, `publishedMaterialOf`, the
 * draws and session documents the public may see — so the bulk export can never hold more
 * than a visitor could read page by page (test/routes/open-data.test.ts compares them).
 */
import { ANONYMOUS } from '../../domain/accounts/roles.ts';
import { datasetDefinition, type DatasetName, type OpenRow } from '../../domain/open-data/datasets.ts';
import { goodPracticeRows, NeedsTally, parseRecommendationId, recommendationRows, reviewKey, reviewRow } from '../../domain/open-data/rows.ts';
import { publicFacts } from '../../domain/reviews/public-view.ts';
import { authorize } from '../../policies/policy.ts';
import { listPartyRows } from '../../db/repositories/parties.ts';
import { findReviewByState, listReviewKeys, loadReviews } from '../../db/repositories/reviews.ts';
import { listPublicationDays } from '../../db/repositories/reports.ts';
import { PUBLIC_STATIC_PAGES, type SitemapEntry } from '../../domain/open-data/crawlers.ts';
import { DomainError } from '../../domain/errors.ts';
import { followUpDashboardList } from './follow-up-dashboard.ts';
import { listVisibleDraws } from './lots.ts';
import { publishedMaterialOf } from './published-material.ts';
import { listSessions, listSessionsWithDocuments } from './sessions.ts';
import type { UseCaseContext } from './context.ts';

/** Reviews per page: bounds memory (published snapshots can be large) while keeping round trips few. */
export const PAGE_SIZE = 500;

type Batches = AsyncGenerator<OpenRow[], void, undefined>;

function asPublic(ctx: UseCaseContext): UseCaseContext {
  authorize(ctx.actor, 'public.read');
  return { ...ctx, actor: ANONYMOUS };
}

async function* reviewPages(ctx: UseCaseContext) {
  const keys = await listReviewKeys(ctx.db);
  for (let i = 0; i < keys.length; i += PAGE_SIZE) yield keys.slice(i, i + PAGE_SIZE);
}

async function* reviews(ctx: UseCaseContext, baseUrl: string): Batches {
  const parties = new Map((await listPartyRows(ctx.db)).map((p) => [p.iso3, p]));
  for await (const page of reviewPages(ctx)) {
    const stored = await loadReviews(ctx.db, { ids: page.map((k) => k.id) });
    yield stored.map((s) => {
      const facts = publicFacts(s.review);
      const party = parties.get(facts.stateUnderReview);
      return reviewRow(facts, party?.nameUn ?? facts.stateUnderReview, party?.regionalGroup ?? null, baseUrl);
    });
  }
}

/** Published material page by page, with each review's cycle and State. */
async function* material(ctx: UseCaseContext) {
  for await (const page of reviewPages(ctx)) {
    const published = await publishedMaterialOf(ctx.db, page.map((k) => k.id));
    yield page.map((k) => ({ ...k, material: published.get(k.id)! }));
  }
}

async function* recommendations(ctx: UseCaseContext, baseUrl: string): Batches {
  for await (const page of material(ctx)) yield page.flatMap((r) => recommendationRows(r.cycle, r.iso3, r.material, baseUrl));
}

async function* goodPractices(ctx: UseCaseContext): Batches {
  for await (const page of material(ctx)) yield page.flatMap((r) => goodPracticeRows(r.cycle, r.iso3, r.material));
}

/** Read whole, not in pages: the follow-up dashboard's list of published recommendations with their status today. */
async function* followUp(ctx: UseCaseContext): Batches {
  const asAt = ctx.now.toISOString().slice(0, 10);
  const { recommendations } = await followUpDashboardList(ctx, asAt, {}, {});
  yield recommendations.map((r) => ({ recommendation_id: r.reference, review_id: reviewKey(r.cycle, r.stateIso3), cycle: r.cycle, state_iso3: r.stateIso3, article: r.article, status: r.status, as_at: asAt }));
}

async function* needsCounts(ctx: UseCaseContext): Batches {
  const tally = new NeedsTally();
  for await (const page of material(ctx)) for (const r of page) tally.add(r.cycle, r.iso3, r.material);
  yield tally.rows();
}

async function* sessionDocuments(ctx: UseCaseContext): Batches {
  for (const session of await listSessionsWithDocuments(ctx)) {
    yield session.documents.map((d) => ({
      symbol: d.symbol,
      title: d.title,
      distributed_on: d.distributedOn,
      session: session.name,
      session_start: session.startDate,
      languages: d.files.map((f) => f.language).join(';'),
    }));
  }
}

async function* draws(ctx: UseCaseContext, baseUrl: string): Batches {
  const rows = await listVisibleDraws(ctx);
  yield rows.map((d) => ({
    draw_id: d.id,
    cycle: d.cycleNumber,
    year: d.year,
    kind: d.kind,
    status: d.status,
    commitment: d.commitment,
    drawn_at: d.drawnAt?.toISOString().slice(0, 10) ?? null,
    published_at: d.publishedAt?.toISOString().slice(0, 10) ?? null,
    record_url: d.status === 'published' ? `${baseUrl}/api/draws/${d.id}/record.json` : null,
  }));
}

/** The rows of one data set, in pages, as the public sees them. Every row has every field of the dictionary, in order. */
export async function* openDataset(ctx: UseCaseContext, name: DatasetName, baseUrl: string): Batches {
  const publicCtx = asPublic(ctx);
  const fields = datasetDefinition(name).fields.map((f) => f.name);
  const source = {
    reviews: () => reviews(publicCtx, baseUrl),
    recommendations: () => recommendations(publicCtx, baseUrl),
    'good-practices': () => goodPractices(publicCtx),
    'follow-up': () => followUp(publicCtx),
    'needs-counts': () => needsCounts(publicCtx),
    'session-documents': () => sessionDocuments(publicCtx),
    draws: () => draws(publicCtx, baseUrl),
  }[name];
  for await (const batch of source()) {
    if (batch.length > 0) yield batch.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null])));
  }
}

/** One published recommendation by its stable identifier; a recommendation not published does not exist here. */
export async function openRecommendation(ctx: UseCaseContext, reference: string, baseUrl: string): Promise<OpenRow> {
  const publicCtx = asPublic(ctx);
  const parts = parseRecommendationId(reference);
  const notFound = new DomainError('resource.notFound', `No published recommendation ${reference}.`);
  if (!parts) throw notFound;
  const review = await findReviewByState(publicCtx.db, parts.cycle, parts.iso3);
  if (!review) throw notFound;
  const published = (await publishedMaterialOf(publicCtx.db, [review.id])).get(review.id)!;
  const found = recommendationRows(parts.cycle, parts.iso3, published, baseUrl).find((r) => r.recommendation_id === reference);
  if (!found) throw notFound;
  return found;
}

/** The public pages for the sitemap: the fixed ones, every State's profile, every session, publication and published draw. */
export async function sitemapEntries(ctx: UseCaseContext): Promise<SitemapEntry[]> {
  const publicCtx = asPublic(ctx);
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  return [
    ...PUBLIC_STATIC_PAGES.map((path) => ({ path })),
    ...(await listPartyRows(publicCtx.db)).map((p) => ({ path: `/countries/${p.iso3}` })),
    ...(await listSessions(publicCtx)).map((s) => ({ path: `/sessions/${s.id}` })),
    ...(await listPublicationDays(publicCtx.db)).map((p) => ({ path: `/publications/${p.id}`, lastModified: day(p.publishedAt) })),
    ...(await listVisibleDraws(publicCtx)).filter((d) => d.status === 'published').map((d) => ({ path: `/draws/${d.id}`, lastModified: day(d.publishedAt) })),
  ];
}
