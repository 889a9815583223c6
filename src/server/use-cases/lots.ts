/**
 * @module lots use cases
 * The life of a draw: commit (publish the hash of a secret and freeze the inputs) → run
 * (add the public entropy read out in the meeting, reveal the secret, draw) → publish
 * (the result becomes the reviewer assignments; the record can never change again).
 * Redraw requests are queued and drawn as their own draws at the next meeting.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { CohortDrawInput, CohortYear } from '../../domain/lots/cohort-draw.ts';
import { drawCohorts } from '../../domain/lots/cohort-draw.ts';
import { drawReviewers, redrawSlot } from '../../domain/lots/draw.ts';
import { createRecord, type DrawRecord } from '../../domain/lots/record.ts';
import { checkRedrawAllowed } from '../../domain/lots/redraw-limit.ts';
import { commitmentOf } from '../../domain/lots/seed.ts';
import type { RedrawRequest, ReviewerAssignment, ReviewerDrawInput, SlotIndex } from '../../domain/lots/types.ts';
import { authorize, may } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { listCohorts, replaceCohortMembers } from '../../db/repositories/cycles.ts';
import {
  countDrawnRedraws,
  findDraw,
  findRedrawRequest,
  insertAssignments,
  insertDraw,
  insertRedrawRequest,
  listAssignments,
  listDraws,
  listRedrawRequests,
  liveDrawsOf,
  markRedrawRequest,
  replaceAssignment,
  updateDraw,
  type DrawRow,
} from '../../db/repositories/lots.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { assignmentsByState, buildCohortDrawInput, buildReviewerDrawInput, lotsSettings, requireCycle } from './lots-inputs.ts';

/** What a draw froze at commitment time, by kind. */
export type FrozenInputs =
  | { kind: 'reviewers'; cohortYear: number; input: ReviewerDrawInput }
  | { kind: 'redraw'; cohortYear: number; input: ReviewerDrawInput; previousResult: ReviewerAssignment[]; of: RedrawRequest; requestId: string }
  | { kind: 'cohorts'; input: CohortDrawInput };

function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** A throw-away run before anything is written, so an impossible draw is refused at once. */
function checkFeasible(frozen: FrozenInputs): void {
  const trialSeed = new Uint8Array(randomBytes(32));
  if (frozen.kind === 'reviewers') drawReviewers(frozen.input, trialSeed);
  else if (frozen.kind === 'redraw') redrawSlot(frozen.input, frozen.previousResult, frozen.of, trialSeed);
  else drawCohorts(frozen.input, trialSeed);
}

async function audit(db: DbOrTx, ctx: UseCaseContext, action: string, drawId: string, details: Record<string, unknown>) {
  await appendAudit(db, { actor: ctx.actor, action, resourceType: 'draw', resourceId: drawId, details, ip: ctx.ip, requestId: ctx.requestId });
}

async function saveCommitted(db: DbOrTx, ctx: UseCaseContext, args: { cycleNumber: number; year: number | null; frozen: FrozenInputs; redrawOf?: string }): Promise<DrawRow> {
  checkFeasible(args.frozen);
  const secret = newSecret();
  const row = await insertDraw(db, {
    id: randomUUID(),
    mechanismId: args.frozen.kind === 'cohorts' ? 'uncac-irm' : args.frozen.input.mechanism,
    cycleNumber: args.cycleNumber,
    year: args.year,
    kind: args.frozen.kind,
    status: 'committed',
    commitment: commitmentOf(secret),
    secret,
    inputs: args.frozen,
    redrawOf: args.redrawOf ?? null,
    createdBy: actorLabel(ctx.actor),
  });
  await audit(db, ctx, 'lots.commit', row.id, { kind: row.kind, cycle: row.cycleNumber, year: row.year, commitment: row.commitment });
  return row;
}

/** Publishes the commitment for the draw of reviewers of one cohort year. */
export async function commitReviewerDraw(ctx: UseCaseContext, args: { cycleNumber: number; year: number }): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const context = await buildReviewerDrawInput(tx, args.cycleNumber, args.year, isoDay(ctx.now));
    if (context.current.length > 0) {
      throw new DomainError('draw.invalidState', 'Reviewers of this cohort are already drawn and published; a change is a redraw.');
    }
    const open = (await liveDrawsOf(tx, args.cycleNumber, args.year, 'reviewers')).filter((d) => d.status !== 'published');
    if (open.length > 0) throw new DomainError('draw.invalidState', 'A draw for this cohort is already in progress; run, publish or cancel it first.');
    return saveCommitted(tx, ctx, { cycleNumber: args.cycleNumber, year: args.year, frozen: { kind: 'reviewers', cohortYear: args.year, input: context.input } });
  });
}

/** Publishes the commitment for the draw of which States are reviewed in which year. */
export async function commitCohortDraw(ctx: UseCaseContext, args: { cycleNumber: number; volunteers?: { iso3: string; year: number }[] }): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const built = await buildCohortDrawInput(tx, args.cycleNumber, isoDay(ctx.now));
    const { cycle } = built;
    // States that volunteered to be reviewed in an early year (reference §3: accommodated where possible).
    const input = { ...built.input, volunteers: (args.volunteers ?? []).map((v) => ({ iso3: v.iso3.toUpperCase(), year: v.year })) };
    const cohorts = await listCohorts(tx, cycle.number);
    if (cohorts.some((c) => c.states.length > 0)) {
      throw new DomainError('draw.invalidState', `Cycle ${cycle.number} already has cohorts; the draw of cohorts is for a cycle that has none.`);
    }
    if ((await liveDrawsOf(tx, cycle.number, null, 'cohorts')).length > 0) {
      throw new DomainError('draw.invalidState', 'A draw of cohorts for this cycle is already in progress or published.');
    }
    return saveCommitted(tx, ctx, { cycleNumber: cycle.number, year: null, frozen: { kind: 'cohorts', input } });
  });
}

async function requireDraw(db: DbOrTx, id: string): Promise<DrawRow> {
  const draw = await findDraw(db, id);
  if (!draw) throw new DomainError('draw.notFound', `No draw ${id}.`);
  return draw;
}

function recordFor(draw: DrawRow, publicEntropy: string, now: Date): DrawRecord {
  const frozen = draw.inputs as unknown as FrozenInputs;
  const reveal = { commitment: draw.commitment, secret: draw.secret, publicEntropy, createdAt: now.toISOString() };
  if (frozen.kind === 'reviewers') return createRecord({ kind: 'reviewers', input: frozen.input, ...reveal });
  if (frozen.kind === 'redraw') return createRecord({ kind: 'redraw', input: frozen.input, previousResult: frozen.previousResult, of: frozen.of, ...reveal });
  return createRecord({ kind: 'cohorts', mechanism: draw.mechanismId, cycle: draw.cycleNumber, input: frozen.input, ...reveal });
}

/** Runs a committed draw with the public entropy read out in the meeting. */
export async function runDraw(ctx: UseCaseContext, id: string, publicEntropy: string): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const draw = await requireDraw(tx, id);
    if (draw.status !== 'committed') throw new DomainError('draw.invalidState', `This draw is ${draw.status}; only a committed draw can be run.`);
    const record = recordFor(draw, publicEntropy, ctx.now);
    const updated = await updateDraw(tx, draw.id, draw, { status: 'drawn', publicEntropy: record.publicEntropy, record: record as unknown as Record<string, unknown>, drawnAt: ctx.now });
    if (!updated) throw new DomainError('record.versionConflict', 'The draw changed meanwhile; reload it.');
    await audit(tx, ctx, 'lots.run', draw.id, { publicEntropy: record.publicEntropy, seed: record.seed });
    return updated;
  });
}

async function publishReviewers(tx: DbOrTx, draw: DrawRow, record: DrawRecord, cohortYear: number) {
  const rows = (record.result as ReviewerAssignment[]).flatMap((a) =>
    a.reviewers.map((reviewer, slot) => ({ cycleNumber: draw.cycleNumber, year: cohortYear, underReviewIso3: a.underReview, slot, reviewerIso3: reviewer, drawId: draw.id })),
  );
  await insertAssignments(tx, rows);
}

async function publishRedraw(tx: DbOrTx, draw: DrawRow, record: DrawRecord, frozen: Extract<FrozenInputs, { kind: 'redraw' }>) {
  const changed = (record.result as ReviewerAssignment[]).find((a) => a.underReview === frozen.of.underReview)!;
  // The published assignment must still be the one the redraw started from.
  const current = assignmentsByState(await listAssignments(tx, draw.cycleNumber)).get(frozen.of.underReview);
  const before = frozen.previousResult.find((a) => a.underReview === frozen.of.underReview);
  if (!current || !before || current.reviewers.join() !== before.reviewers.join()) {
    throw new DomainError('draw.invalidState', 'The assignment changed since this redraw was prepared; cancel it and prepare a new one.');
  }
  await replaceAssignment(tx, {
    cycleNumber: draw.cycleNumber,
    year: frozen.cohortYear,
    underReviewIso3: frozen.of.underReview,
    slot: frozen.of.slot,
    reviewerIso3: changed.reviewers[frozen.of.slot],
    drawId: draw.id,
  });
  await markRedrawRequest(tx, frozen.requestId, { status: 'drawn', drawId: draw.id });
}

async function publishCohorts(tx: DbOrTx, draw: DrawRow, record: DrawRecord) {
  const existing = await listCohorts(tx, draw.cycleNumber);
  for (const cohort of record.result as CohortYear[]) {
    const version = existing.find((c) => c.year === cohort.year)?.version ?? 0;
    const saved = await replaceCohortMembers(tx, { cycleNumber: draw.cycleNumber, year: cohort.year, states: cohort.states, expectedVersion: version });
    if (saved === undefined) throw new DomainError('record.versionConflict', 'The cohorts changed meanwhile; reload.');
  }
}

/** Publishes a drawn result: it becomes the assignments (or cohorts) and can never change. */
export async function publishDraw(ctx: UseCaseContext, id: string): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const draw = await requireDraw(tx, id);
    if (draw.status !== 'drawn' || !draw.record) throw new DomainError('draw.invalidState', `This draw is ${draw.status}; only a drawn result can be published.`);
    const record = draw.record as unknown as DrawRecord;
    const frozen = draw.inputs as unknown as FrozenInputs;
    if (frozen.kind === 'reviewers') await publishReviewers(tx, draw, record, frozen.cohortYear);
    else if (frozen.kind === 'redraw') await publishRedraw(tx, draw, record, frozen);
    else await publishCohorts(tx, draw, record);
    const updated = await updateDraw(tx, draw.id, draw, { status: 'published', publishedAt: ctx.now });
    if (!updated) throw new DomainError('record.versionConflict', 'The draw changed meanwhile; reload it.');
    await audit(tx, ctx, 'lots.publish', draw.id, { kind: draw.kind, results: record.result.length });
    return updated;
  });
}

export async function cancelDraw(ctx: UseCaseContext, id: string, reason: string): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const draw = await requireDraw(tx, id);
    if (draw.status === 'published' || draw.status === 'cancelled') {
      throw new DomainError('draw.invalidState', `This draw is ${draw.status} and cannot be cancelled.`);
    }
    const updated = await updateDraw(tx, draw.id, draw, { status: 'cancelled' });
    if (!updated) throw new DomainError('record.versionConflict', 'The draw changed meanwhile; reload it.');
    await audit(tx, ctx, 'lots.cancel', draw.id, { reason, previousStatus: draw.status });
    return updated;
  });
}

/** Draws the public may see: committed (commitment only) and published. The secretariat sees all. */
export async function listVisibleDraws(ctx: UseCaseContext): Promise<DrawRow[]> {
  authorize(ctx.actor, 'lots.read');
  return listDraws(ctx.db, { onlyPublic: !may(ctx.actor, 'lots.manage') });
}

export async function getVisibleDraw(ctx: UseCaseContext, id: string): Promise<{ draw: DrawRow; isManager: boolean }> {
  authorize(ctx.actor, 'lots.read');
  const isManager = may(ctx.actor, 'lots.manage');
  const draw = await findDraw(ctx.db, id);
  // Unpublished results stay with the secretariat; to others such a draw does not exist.
  if (!draw || (!isManager && !['committed', 'published'].includes(draw.status))) throw new DomainError('draw.notFound', `No draw ${id}.`);
  return { draw, isManager };
}

export async function listPublishedAssignments(ctx: UseCaseContext, cycleNumber: number) {
  authorize(ctx.actor, 'lots.read');
  await requireCycle(ctx.db, cycleNumber);
  const byState = assignmentsByState(await listAssignments(ctx.db, cycleNumber));
  return [...byState].map(([underReview, entry]) => ({ underReview, year: entry.year, reviewers: entry.reviewers }));
}

/** The State under review (its focal point) or the secretariat asks for one reviewer to be drawn again. */
export async function requestRedraw(ctx: UseCaseContext, args: { cycleNumber: number; underReview: string; slot: SlotIndex; reason?: string; exceptionalDecision?: string }) {
  const underReview = args.underReview.toUpperCase();
  const relation = ctx.actor.kind === 'user' && ctx.actor.stateIso3 === underReview ? 'under-review' : 'none';
  authorize(ctx.actor, 'lots.requestRedraw', { relation });
  if (args.exceptionalDecision && ctx.actor.kind === 'user' && ctx.actor.role !== 'secretariat') {
    throw new DomainError('policy.denied', 'Only the secretariat records an exceptional decision.');
  }
  return ctx.db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, args.cycleNumber);
    const settings = await lotsSettings(tx, cycle);
    const current = assignmentsByState(await listAssignments(tx, cycle.number)).get(underReview);
    if (!current) throw new DomainError('draw.invalidState', `${underReview} has no published reviewers in cycle ${cycle.number} to redraw.`);
    const queued = (await listRedrawRequests(tx, cycle.number)).filter((r) => r.underReviewIso3 === underReview && r.status === 'queued');
    if (queued.some((r) => r.slot === args.slot)) throw new DomainError('record.duplicate', 'A redraw of this reviewer is already queued for the next meeting.');
    const used = (await countDrawnRedraws(tx, cycle.number, underReview)) + queued.length;
    checkRedrawAllowed(used, settings.redrawLimit, args.exceptionalDecision);
    const row = await insertRedrawRequest(tx, {
      id: randomUUID(),
      cycleNumber: cycle.number,
      underReviewIso3: underReview,
      slot: args.slot,
      reason: args.reason ?? null,
      exceptionalDecision: args.exceptionalDecision ?? null,
      status: 'queued',
      requestedBy: actorLabel(ctx.actor),
    });
    await appendAudit(tx, { actor: ctx.actor, action: 'lots.requestRedraw', resourceType: 'redrawRequest', resourceId: row.id, details: { underReview, slot: args.slot, reason: args.reason ?? null, exceptionalDecision: args.exceptionalDecision ?? null }, ip: ctx.ip, requestId: ctx.requestId });
    return row;
  });
}

export async function listRedrawQueue(ctx: UseCaseContext) {
  authorize(ctx.actor, 'lots.manage');
  return listRedrawRequests(ctx.db);
}

/** At the meeting: prepares (commits) the redraw of a queued request as its own draw. */
export async function commitRedraw(ctx: UseCaseContext, requestId: string): Promise<DrawRow> {
  authorize(ctx.actor, 'lots.manage');
  return ctx.db.transaction(async (tx) => {
    const request = await findRedrawRequest(tx, requestId);
    if (!request) throw new DomainError('draw.notFound', `No redraw request ${requestId}.`);
    if (request.status !== 'queued') throw new DomainError('draw.invalidState', `This request is ${request.status}.`);
    const cohortYear = assignmentsByState(await listAssignments(tx, request.cycleNumber)).get(request.underReviewIso3)?.year;
    if (cohortYear === undefined) throw new DomainError('draw.invalidState', 'No published assignment to redraw.');
    const open = (await liveDrawsOf(tx, request.cycleNumber, cohortYear, 'redraw')).filter((d) => d.status !== 'published' && d.status !== 'cancelled');
    if (open.some((d) => (d.inputs as unknown as { requestId?: string }).requestId === request.id)) {
      throw new DomainError('draw.invalidState', 'This redraw is already prepared.');
    }
    const context = await buildReviewerDrawInput(tx, request.cycleNumber, cohortYear, isoDay(ctx.now));
    const original = (await liveDrawsOf(tx, request.cycleNumber, cohortYear, 'reviewers')).find((d) => d.status === 'published');
    return saveCommitted(tx, ctx, {
      cycleNumber: request.cycleNumber,
      year: cohortYear,
      redrawOf: original?.id,
      frozen: {
        kind: 'redraw',
        cohortYear,
        input: context.input,
        previousResult: context.current,
        of: { underReview: request.underReviewIso3, slot: request.slot as SlotIndex },
        requestId: request.id,
      },
    });
  });
}

export async function withdrawRedraw(ctx: UseCaseContext, requestId: string) {
  authorize(ctx.actor, 'lots.manage');
  await ctx.db.transaction(async (tx) => {
    const request = await findRedrawRequest(tx, requestId);
    if (!request || request.status !== 'queued') throw new DomainError('draw.invalidState', 'Only a queued request can be withdrawn.');
    await markRedrawRequest(tx, requestId, { status: 'withdrawn' });
    await appendAudit(tx, { actor: ctx.actor, action: 'lots.withdrawRedraw', resourceType: 'redrawRequest', resourceId: requestId, ip: ctx.ip, requestId: ctx.requestId });
  });
}
