/**
 * @module stats-progress
 * Progress statistics of a cycle as at a day, the reviews behind each figure, the sentence
 * for the secretariat's report, durations and the completion forecast (docs/ANALYTICS.md).
 * Read-only: nothing here writes or audits.
 */
import { durations } from '../../domain/analytics/durations.ts';
import { forecastCycle } from '../../domain/analytics/forecast.ts';
import { FIGURE_MILESTONE, factAsAt, progressAsAt, type ProgressFigure } from '../../domain/analytics/progress.ts';
import { progressSentence, type SentenceLanguage } from '../../domain/analytics/progress-sentence.ts';
import { DomainError } from '../../domain/errors.ts';
import { stageOf } from '../../domain/reviews/stages.ts';
import { authorize } from '../../policies/policy.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { listPartyRows } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import { loadHistories, progressCounts } from '../../db/repositories/stats-progress.ts';
import { isoDay, type UseCaseContext } from './context.ts';

async function requireCycle(ctx: UseCaseContext, cycle: number) {
  const found = await findCycle(ctx.db, cycle);
  if (!found) throw new DomainError('cycle.unknown', `There is no cycle ${cycle}.`);
  return found;
}

/** The cycle, and the day asked about (today when absent), checked against the cycle and the clock. */
async function cycleAndDay(ctx: UseCaseContext, cycle: number, asOf: string | undefined) {
  const found = await requireCycle(ctx, cycle);
  const today = isoDay(ctx.now);
  const day = asOf ?? today;
  if (day > today) throw new DomainError('stats.invalidAsOf', `The "as at" date ${day} is in the future (today is ${today}).`);
  if (day < found.startsOn) throw new DomainError('stats.invalidAsOf', `The "as at" date ${day} is before cycle ${cycle} began (${found.startsOn}).`);
  return { cycle: found, asOf: day };
}

export async function progressStats(ctx: UseCaseContext, input: { cycle: number; asOf?: string }) {
  authorize(ctx.actor, 'stats.read');
  const { asOf } = await cycleAndDay(ctx, input.cycle, input.asOf);
  return { cycle: input.cycle, asOf, ...(await progressCounts(ctx.db, input.cycle, asOf)) };
}

/** The reviews behind one figure, with what the public tracker shows of each. */
export async function progressReviews(ctx: UseCaseContext, input: { cycle: number; asOf?: string; figure: ProgressFigure }) {
  authorize(ctx.actor, 'stats.readReviews');
  const { asOf } = await cycleAndDay(ctx, input.cycle, input.asOf);
  const histories = await loadHistories(ctx.db, input.cycle);
  const ids = new Set(progressAsAt(histories, input.cycle, asOf).reviews[input.figure]);
  const [stored, parties] = await Promise.all([loadReviews(ctx.db, { cycleNumber: input.cycle }), listPartyRows(ctx.db)]);
  const party = new Map(parties.map((p) => [p.iso3, p]));
  const stage = new Map(stored.map((s) => [s.row.id, stageOf(s.review)]));
  const kind = FIGURE_MILESTONE[input.figure];
  const reviews = histories
    .filter((h) => ids.has(h.id))
    .map((h) => {
      const fact = kind === null ? undefined : factAsAt(h, kind, asOf);
      const p = party.get(h.stateIso3);
      return {
        id: h.id,
        stateIso3: h.stateIso3,
        name: p?.nameUn ?? h.stateIso3,
        names: p?.names ?? {},
        cohortYear: h.cohortYear,
        date: fact?.date ?? null,
        dialogueType: fact?.dialogueType ?? null,
        stage: stage.get(h.id) ?? 'not-started',
      };
    });
  return { cycle: input.cycle, asOf, figure: input.figure, count: reviews.length, reviews };
}

export async function progressSentenceStats(ctx: UseCaseContext, input: { cycle: number; asOf?: string; lang: SentenceLanguage }) {
  const figures = await progressStats(ctx, input);
  return { cycle: input.cycle, asOf: figures.asOf, lang: input.lang, sentence: progressSentence(figures, input.lang) };
}

export async function durationStats(ctx: UseCaseContext, input: { cycle: number }) {
  authorize(ctx.actor, 'stats.read');
  await requireCycle(ctx, input.cycle);
  return { cycle: input.cycle, groups: durations(await loadHistories(ctx.db, input.cycle), input.cycle) };
}

/** Monte Carlo forecast; the seed is fixed by cycle and day, so a page reload shows the same figures. */
export async function forecastStats(ctx: UseCaseContext, input: { cycle: number; runs?: number }) {
  authorize(ctx.actor, 'stats.read');
  const cycle = await requireCycle(ctx, input.cycle);
  // Every cycle's history: a young cycle borrows the durations observed in earlier ones.
  const histories = await loadHistories(ctx.db);
  return forecastCycle(histories, { cycle: input.cycle, today: isoDay(ctx.now), plannedEnd: cycle.extendedTo ?? cycle.endsOn, runs: input.runs });
}
