/**
 * @module published-material
 * THE SINGLE SOURCE of published documents, recommendations and good practices for the
 * public (docs/PUBLIC.md, "Published material"; docs/REPORTS.md §3). It reads only the
 * `publications` table — snapshots written at publication, never the working texts — so a
 * draft cannot reach a public page through it. One query for all the given reviews (the
 * profile's p99 target is 50 ms at 20 concurrent clients: `npm run bench:profile`).
 */
import type { DbOrTx } from '../../db/client.ts';
import { listPublications, type PublicationRow } from '../../db/repositories/reports.ts';
import type { PublishedDocumentKind } from '../../domain/reports/publication.ts';
import { NOTHING_PUBLISHED, type PublishedContent, type PublishedDocument } from '../../domain/reviews/public-view.ts';
import type { UnLanguage } from '../../domain/parties/party.ts';
import type { PublicationSnapshot } from './publication.ts';

const KIND: Record<PublishedDocumentKind, PublishedDocument['kind']> = { summary: 'executive-summary', report: 'report', checklist: 'checklist' };
const TITLE: Record<PublishedDocumentKind, string> = { summary: 'Executive summary', report: 'Country review report', checklist: 'Self-assessment checklist' };

function documentOf(p: PublicationRow): PublishedDocument {
  const snapshot = p.snapshot as unknown as PublicationSnapshot;
  const kind = p.document as PublishedDocumentKind;
  return {
    kind: KIND[kind],
    language: p.language as UnLanguage,
    title: `${TITLE[kind]}: ${snapshot.stateName} (cycle ${snapshot.cycle})`,
    version: p.version,
    publishedOn: p.publishedAt.toISOString().slice(0, 10),
    note: p.note === '' ? null : p.note,
    href: `/api/public/publications/${p.id}.pdf`,
    id: p.id,
  };
}

/** The published material of each given review (every id is in the map). */
export async function publishedMaterialOf(db: DbOrTx, reviewIds: readonly string[]): Promise<Map<string, PublishedContent>> {
  const rows = await listPublications(db, [...reviewIds]);
  const out = new Map<string, PublishedContent>(reviewIds.map((id) => [id, NOTHING_PUBLISHED]));
  const byReview = new Map<string, PublicationRow[]>();
  for (const r of rows) byReview.set(r.reviewId, [...(byReview.get(r.reviewId) ?? []), r]);
  for (const [reviewId, list] of byReview) {
    // Rows come ordered by document, language and version: the last report row is the latest.
    const report = list.filter((p) => p.document === 'report').at(-1);
    const sections = report ? ((report.snapshot as unknown as PublicationSnapshot).sections ?? []) : [];
    const language = (report?.language ?? 'en') as UnLanguage;
    out.set(reviewId, {
      documents: list.map(documentOf),
      recommendations: sections.flatMap((s) => s.content.recommendations.map((r: { text: string; reference?: string }) => ({ article: String(s.article), text: r.text, language, ...(r.reference ? { reference: r.reference } : {}) }))),
      goodPractices: sections.flatMap((s) => s.content.goodPractices.map((g) => ({ article: String(s.article), text: g.text, language }))),
      needs: sections.flatMap((s) => (s.content.needs ?? []).map((n) => ({ article: String(s.article), type: n.type }))),
    });
  }
  return out;
}
