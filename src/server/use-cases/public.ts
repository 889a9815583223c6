/**
 * @module public use cases
 * What anyone may read without an account (docs/PUBLIC.md): the review schedule, the country
 * profiles and the Atom feeds. Every value served here comes from `publicFacts` /
 * `publicEvents` (stage and dates, never content) or from `publishedMaterialOf` (only what is
 * published). Nothing here reads checklists, threads, drafts or the reasons of pauses.
 */
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { DomainError } from '../../domain/errors.ts';
import { isPartyOn } from '../../domain/parties/party.ts';
import { describePublicEvent, publicEvents, publicFacts, type PublicEventKind, type PublishedMaterial } from '../../domain/reviews/public-view.ts';
import { authorize } from '../../policies/policy.ts';
import { findAccession, findPartyRow, listPartyRows } from '../../db/repositories/parties.ts';
import { partyNames, reviewsInvolving } from '../../db/repositories/public-reviews.ts';
import { loadReviews, type StoredReview } from '../../db/repositories/reviews.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { publishedMaterialOf } from './published-material.ts';

type Names = Record<string, string>;

function stateCode(iso3: string): string {
  const code = iso3.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new DomainError('party.unknown', `No State with the code ${iso3}.`);
  return code;
}

/** One State's public page: party status, its reviews with stage and dates, what is published. */
function withoutNeeds({ documents, recommendations, goodPractices }: PublishedMaterial) {
  return { documents, recommendations, goodPractices };
}

export async function countryProfile(ctx: UseCaseContext, iso3: string) {
  authorize(ctx.actor, 'public.read');
  const code = stateCode(iso3);
  // Independent reads side by side: the profile's p99 target is 50 ms (bench/public-profile.ts).
  const [party, accession, involving] = await Promise.all([findPartyRow(ctx.db, code), findAccession(ctx.db, code), reviewsInvolving(ctx.db, code)]);
  if (!party) throw new DomainError('party.unknown', `No State with the code ${code}.`);
  const [stored, nameRows, published] = await Promise.all([
    loadReviews(ctx.db, { ids: involving.underReview }),
    partyNames(ctx.db, involving.states),
    publishedMaterialOf(ctx.db, involving.underReview),
  ]);
  const names = new Map(nameRows.map((p) => [p.iso3, { iso3: p.iso3, name: p.nameUn, names: p.names }]));
  const nameOf = (c: string) => names.get(c) ?? { iso3: c, name: c, names: {} };
  const today = isoDay(ctx.now);
  return {
    asOf: today,
    state: {
      iso3: party.iso3,
      name: party.nameUn,
      names: party.names as Names,
      regionalGroup: party.regionalGroup,
      isParty: isPartyOn(accession, today),
      becameParty: accession ? { effectiveOn: accession.effectiveOn, precision: accession.precision } : null,
    },
    reviews: stored
      .map((s) => {
        const facts = publicFacts(s.review);
        return {
          id: s.row.id,
          cycle: facts.cycle,
          cohortYear: facts.cohortYear,
          stage: facts.stage,
          reviewers: facts.reviewers.map(nameOf),
          startDate: facts.startDate,
          dialogue: facts.dialogue,
          milestones: facts.milestones,
          pauses: facts.pauses,
          // Needs are counted in open data, not listed on the profile.
          published: withoutNeeds(published.get(s.row.id)!),
        };
      })
      .sort((a, b) => b.cycle - a.cycle),
    asReviewer: involving.reviewing
      .map((r) => ({ reviewId: r.id, cycle: r.cycle, stateUnderReview: nameOf(r.stateUnderReview) }))
      .sort((a, b) => b.cycle - a.cycle || a.stateUnderReview.name.localeCompare(b.stateUnderReview.name)),
  };
}

export type CountryProfile = Awaited<ReturnType<typeof countryProfile>>;

/** Every review: State, cycle, cohort year, reviewing States, stage, start and dialogue dates. */
export async function publicSchedule(ctx: UseCaseContext) {
  authorize(ctx.actor, 'public.read');
  const groupOf = new Map((await listPartyRows(ctx.db)).map((p) => [p.iso3, p.regionalGroup]));
  const rows = (await loadReviews(ctx.db)).map((s) => {
    const f = publicFacts(s.review);
    return {
      id: s.row.id,
      stateUnderReview: f.stateUnderReview,
      regionalGroup: groupOf.get(f.stateUnderReview) ?? null,
      cycle: f.cycle,
      cohortYear: f.cohortYear,
      reviewers: f.reviewers,
      stage: f.stage,
      startDate: f.startDate,
      dialogue: f.dialogue,
    };
  });
  rows.sort((a, b) => b.cycle - a.cycle || a.cohortYear - b.cohortYear || a.stateUnderReview.localeCompare(b.stateUnderReview));
  return { asOf: isoDay(ctx.now), reviews: rows };
}

export type PublicSchedule = Awaited<ReturnType<typeof publicSchedule>>;

/** Entries kept in a feed: the newest ones (readers poll; older entries are on the pages). */
export const FEED_MAX_ENTRIES = 200;

/**
 * A stable Atom entry id: a name-based UUID (RFC 9562 version 5 layout, SHA-1) of the review
 * and the event, so the same event keeps its id across requests, servers and restores.
 */
export function entryId(reviewId: string, kind: PublicEventKind): string {
  const h = createHash('sha1').update(`openirm:public-event:${reviewId}:${kind}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * The Atom 1.0 feed of the whole Mechanism (no iso3) or of one State: an entry when a review
 * starts, when its dialogue is held and when its summary or report is published. Entry
 * `updated` is the day of the event, so the feed changes only when the data does.
 */
export async function publicFeed(ctx: UseCaseContext, options: { iso3?: string; baseUrl: string }): Promise<string> {
  authorize(ctx.actor, 'public.read');
  const base = options.baseUrl.replace(/\/+$/, '');
  let stored: StoredReview[];
  let title = 'Open IRM: reviews of the Mechanism';
  let selfPath = '/api/public/feed.atom';
  let pagePath = '/schedule';
  if (options.iso3) {
    const code = stateCode(options.iso3);
    const party = await findPartyRow(ctx.db, code);
    if (!party) throw new DomainError('party.unknown', `No State with the code ${code}.`);
    stored = await loadReviews(ctx.db, { ids: (await reviewsInvolving(ctx.db, code)).underReview });
    title = `Open IRM: reviews of ${party.nameUn}`;
    selfPath = `/api/public/countries/${code}/feed.atom`;
    pagePath = `/countries/${code}`;
  } else {
    stored = await loadReviews(ctx.db);
  }
  const codes = new Set(stored.flatMap((s) => [s.review.stateUnderReview, ...s.review.reviewers]));
  const names = new Map((await partyNames(ctx.db, [...codes])).map((p) => [p.iso3, p.nameUn]));
  const nameOf = (c: string) => names.get(c) ?? c;
  const entries = stored
    .flatMap((s) => publicEvents(s.review).map((event) => ({ s, event })))
    .sort((a, b) => b.event.date.localeCompare(a.event.date) || a.s.review.stateUnderReview.localeCompare(b.s.review.stateUnderReview))
    .slice(0, FEED_MAX_ENTRIES);
  const dayTime = (date: string) => new Date(`${date}T00:00:00Z`);
  const feed = new Feed({
    id: `${base}${selfPath}`,
    title,
    description: 'When a country review of the UNCAC Implementation Review Mechanism starts, when its direct dialogue is held and when its documents are published. Stage and dates only.',
    link: `${base}${pagePath}`,
    language: 'en',
    // The newest event, or a fixed date when there is none: the feed never changes on its own.
    updated: entries[0] ? dayTime(entries[0].event.date) : new Date('2000-01-01T00:00:00Z'),
    generator: 'Open IRM',
    feedLinks: { atom: `${base}${selfPath}` },
    author: { name: 'Open IRM' },
    copyright: 'Public information of the Implementation Review Mechanism',
  });
  for (const { s, event } of entries) {
    const state = nameOf(s.review.stateUnderReview);
    const words = describePublicEvent(event, state, s.review.cycle, [nameOf(s.review.reviewers[0]), nameOf(s.review.reviewers[1])]);
    feed.addItem({
      id: entryId(s.row.id, event.kind),
      title: words.title,
      description: words.summary,
      link: `${base}/countries/${s.review.stateUnderReview}`,
      date: dayTime(event.date),
      published: dayTime(event.date),
      category: [{ term: event.kind }, { term: `cycle-${s.review.cycle}` }, { term: s.review.stateUnderReview }],
    });
  }
  return feed.atom1();
}
