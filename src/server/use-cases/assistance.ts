/**
 * @module assistance use cases
 * Technical-assistance needs: the figures of a cycle (anonymised for everyone, with the
 * States behind each figure for the secretariat), the needs behind a figure, the classifier
 * and its review by the secretariat (docs: "Technical-assistance needs").
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { classifyNeed, type Scored } from '../../domain/analytics/classifier/model.ts';
import { breakdownNeeds, type Figure } from '../../domain/analytics/needs-breakdown.ts';
import { DEFAULT_ARTICLE_GROUPS, parseArticleGroups } from '../../domain/analytics/needs-groups.ts';
import { MAX_NEED_LENGTH } from '../../domain/analytics/needs-import.ts';
import { apiNeedType, parseNeedTypes, storedNeedType } from '../../domain/analytics/needs-types.ts';
import { authorize, may } from '../../policies/policy.ts';
import type { Actor } from '../../domain/accounts/roles.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { countCorrections, countQueue, findRecordedNeed, insertCorrection, listArticleChapters, listNeeds, listQueue, needCounts, reviewRecordedNeed, type ListedNeed } from '../../db/repositories/assistance.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import type { DbOrTx } from '../../db/client.ts';
import { currentNeedsModel } from './assistance-model.ts';
import type { UseCaseContext } from './context.ts';

export interface ConventionMap {
  chapterOf: Map<number, string>;
}

/** Article → chapter of the Convention: the articles only, not their provisions (a hot path of the statistics). */
export async function conventionMap(db: DbOrTx): Promise<ConventionMap> {
  return { chapterOf: new Map((await listArticleChapters(db, 'UNCAC')).map((a) => [a.number, a.chapterNumber])) };
}

async function requireCycle(db: DbOrTx, cycle: number) {
  const found = await findCycle(db, cycle);
  if (!found) throw new DomainError('cycle.unknown', `There is no cycle ${cycle}.`);
  return found;
}

const counts = (figures: Record<string, Figure>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.count]));
const shares = (figures: Record<string, Figure>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.share]));
const states = (figures: Record<string, Figure>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.states]));

/**
 * The figures of a cycle. `groups` replaces the default groups of related articles
 * ("14+52;5+6"; empty for none). Everyone gets counts and shares; the secretariat also the
 * States behind every figure (`behind`).
 */
export async function assistanceStats(ctx: UseCaseContext, query: { cycle: number; groups?: string }) {
  authorize(ctx.actor, 'assistance.read');
  // Three independent reads: on PostgreSQL they go out together, on separate connections.
  const [cycle, convention, needs] = await Promise.all([requireCycle(ctx.db, query.cycle), conventionMap(ctx.db), needCounts(ctx.db, query.cycle)]);
  const groups = query.groups === undefined ? DEFAULT_ARTICLE_GROUPS : parseArticleGroups(query.groups, (n) => convention.chapterOf.has(n));
  const b = breakdownNeeds(needs, convention.chapterOf, groups);
  const detail = may(ctx.actor, 'assistance.readDetail');
  return {
    cycle: cycle.number,
    chapters: cycle.chapters,
    total: b.total,
    statesWithNeeds: b.statesWithNeeds,
    byType: counts(b.byType),
    byArticle: counts(b.byArticle),
    byChapter: counts(b.byChapter),
    statesByChapter: Object.fromEntries(Object.entries(b.byChapter).map(([c, f]) => [c, f.states.length])),
    shares: { byType: shares(b.byType), byArticle: shares(b.byArticle), byChapter: shares(b.byChapter) },
    groups: b.groups.map((g) => ({ id: g.id, articles: g.articles, count: g.count, share: g.share, shareOfChapter: g.shareOfChapter, statesWithNeeds: g.states.length })),
    behind: detail
      ? { states: b.states, byType: states(b.byType), byArticle: states(b.byArticle), byChapter: states(b.byChapter), groups: Object.fromEntries(b.groups.map((g) => [g.id, g.states])) }
      : null,
    may: { readDetail: detail, review: may(ctx.actor, 'assistance.review'), import: may(ctx.actor, 'assistance.import') },
  };
}

/**
 * What assistanceStats' answer depends on, for a cache: the query, and what the actor may see
 * and do (the States behind each figure; the review and import links). Two actors with the
 * same key get the same answer.
 */
export function assistanceStatsKey(actor: Actor, query: { cycle: number; groups?: string }): string {
  const abilities = (['assistance.readDetail', 'assistance.review', 'assistance.import'] as const).map((a) => (may(actor, a) ? 1 : 0)).join('');
  return `stats:assistance:${query.cycle}:${abilities}:${query.groups ?? '-'}`;
}

export interface NeedsQuery {
  cycle: number;
  type?: string;
  article?: number;
  chapter?: string;
  group?: string;
  state?: string;
  limit?: number;
}

const presentNeed = (n: ListedNeed) => ({ ...n, types: n.types.map(apiNeedType) });

/** The needs behind one figure (a type, an article, a chapter, a group, a State), for the secretariat. */
export async function assistanceNeedsBehind(ctx: UseCaseContext, query: NeedsQuery) {
  authorize(ctx.actor, 'assistance.readDetail');
  await requireCycle(ctx.db, query.cycle);
  const convention = await conventionMap(ctx.db);
  const type = query.type === undefined ? undefined : storedNeedType(query.type);
  if (query.type !== undefined && !type) throw new DomainError('request.invalid', `"${query.type}" is not a type of assistance.`);
  if (query.article !== undefined && !convention.chapterOf.has(query.article)) throw new DomainError('request.invalid', `The Convention has no article ${query.article}.`);
  let articles: number[] | undefined;
  if (query.chapter !== undefined) {
    articles = [...convention.chapterOf].filter(([, c]) => c === query.chapter!.toUpperCase()).map(([a]) => a);
    if (articles.length === 0) throw new DomainError('request.invalid', `The Convention has no chapter ${query.chapter}.`);
  }
  if (query.group !== undefined) articles = parseArticleGroups(query.group, (n) => convention.chapterOf.has(n))[0]?.articles ?? [];
  return listNeeds(ctx.db, { cycle: query.cycle, type, article: query.article, articles, state: query.state?.toUpperCase() }, Math.min(query.limit ?? 500, 5000)).then((r) => ({ total: r.total, needs: r.needs.map(presentNeed) }));
}

function checkText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new DomainError('request.invalid', 'The need to classify is empty.');
  if (trimmed.length > MAX_NEED_LENGTH) throw new DomainError('request.invalid', `A need is at most ${MAX_NEED_LENGTH} characters.`);
  return trimmed;
}

/** The types of one free-text need, best first, each with its confidence and the words behind it. */
export async function classifyAssistanceNeed(ctx: UseCaseContext, text: string): Promise<{ types: Scored[] }> {
  authorize(ctx.actor, 'assistance.classify');
  const model = await currentNeedsModel(ctx.db);
  return { types: classifyNeed(model, checkText(text)) };
}

/** Many needs at once (the CLI): one model for all; an empty line gets no types. */
export async function classifyAssistanceNeeds(ctx: UseCaseContext, texts: readonly string[]): Promise<{ types: Scored[] }[]> {
  authorize(ctx.actor, 'assistance.classify');
  const model = await currentNeedsModel(ctx.db);
  return texts.map((text) => ({ types: text.trim() === '' ? [] : classifyNeed(model, checkText(text)) }));
}

function checkTypes(types: readonly string[]) {
  const parsed = parseNeedTypes(types.join(';'));
  if (parsed.unknown.length > 0) throw new DomainError('request.invalid', `Not a type of assistance: ${parsed.unknown.join(', ')}.`);
  if (parsed.types.length === 0) throw new DomainError('request.invalid', 'Give at least one type of assistance.');
  return parsed.types;
}

/** The needs the classifier typed on import, oldest first, for the secretariat to confirm or correct. */
export async function assistanceQueue(ctx: UseCaseContext) {
  authorize(ctx.actor, 'assistance.review');
  const [rows, pending, corrections] = await Promise.all([listQueue(ctx.db, 200), countQueue(ctx.db), countCorrections(ctx.db)]);
  return {
    pending,
    corrections,
    needs: rows.map((r) => ({
      id: r.id,
      cycle: r.cycleNumber,
      state: r.stateIso3,
      article: r.article,
      text: r.description,
      types: r.types.map((t) => apiNeedType(storedNeedType(t)!)),
      suggested: (r.suggested ?? []).map((s) => ({ type: s.type, confidence: s.confidence })),
      version: r.version,
    })),
  };
}

/**
 * Confirms or corrects the types of a recorded need. Either way the need leaves the queue and
 * its text with the confirmed types becomes a training example.
 */
export async function reviewAssistanceNeed(ctx: UseCaseContext, id: string, input: { types: string[]; version: number }) {
  authorize(ctx.actor, 'assistance.review');
  const types = checkTypes(input.types);
  const by = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const need = await findRecordedNeed(tx, id);
    if (!need) throw new DomainError('resource.notFound', 'No such recorded need.');
    const updated = await reviewRecordedNeed(tx, id, input.version, { types, reviewedBy: by, reviewedAt: ctx.now });
    if (!updated) throw new DomainError('record.versionConflict', 'The need was reviewed by someone else meanwhile; reload it.', { current: { version: need.version, types: need.types.map((t) => apiNeedType(storedNeedType(t)!)) } });
    const corrected = types.length !== need.types.length || types.some((t) => !need.types.includes(t));
    await insertCorrection(tx, { id: randomUUID(), needId: id, text: need.description, types, suggested: need.suggested, correctedBy: by, correctedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'assistance.review', resourceType: 'assistance-need', resourceId: id, details: { before: need.types, after: types, changed: corrected }, ip: ctx.ip, requestId: ctx.requestId });
    return { id, types: types.map(apiNeedType), version: updated.version };
  });
}

/** A correction from the classify box: the text with the types the secretariat says are right. */
export async function recordAssistanceCorrection(ctx: UseCaseContext, input: { text: string; types: string[] }) {
  authorize(ctx.actor, 'assistance.review');
  const text = checkText(input.text);
  const types = checkTypes(input.types);
  const suggested = classifyNeed(await currentNeedsModel(ctx.db), text).map((s) => ({ type: s.type, confidence: s.confidence }));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertCorrection(tx, { id, text, types, suggested, correctedBy: actorLabel(ctx.actor), correctedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'assistance.correct', resourceType: 'assistance-correction', resourceId: id, details: { types, suggested }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return { id, types: types.map(apiNeedType), corrections: await countCorrections(ctx.db) };
}
