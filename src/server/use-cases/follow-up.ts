/**
 * @module follow-up use cases
 * Follow-up of a review's recommendations (docs/FOLLOW-UP.md): the view of one review, the
 * secretariat's rounds, the State's self-reports with evidence files, and the assessments.
 * What an actor sees follows the policy: the review's parties and the secretariat see every
 * recommendation with its history; anyone else sees only recommendations of a published
 * report (published-material.ts, the single source) with their assessed status. Every write is
 * one transaction with its audit row.
 */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { checkAttachment, isPlainDocumentText } from '../../domain/reviews/attachments.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkAssessment, checkSelfReport, nextVersion, type AssessmentInput, type SelfReportInput } from '../../domain/follow-up/records.ts';
import { checkClose, followUpSettings, nextRound, roundState, type StoredRound } from '../../domain/follow-up/rounds.ts';
import { keyOf, type FollowUpStatus } from '../../domain/follow-up/statuses.ts';
import { dayOf } from '../../domain/reviews/calendar.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { authorize, may } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import {
  closeRound as closeRoundRow,
  findEvidenceFile,
  insertAssessment,
  insertEvidenceFile,
  insertRound,
  insertSelfReport,
  listAssessments,
  listEvidenceFiles,
  listReviewRecommendations,
  listRounds,
  listSelfReports,
  type EvidenceFileRow,
  type RoundRow,
} from '../../db/repositories/follow-up.ts';
import { storeThenRecord, type FileStore } from '../files/file-store.ts';
import type { UseCaseContext } from './context.ts';
import { publishedMaterialOf } from './published-material.ts';
import { relationTo } from './reviews.ts';

export async function loadFollowUpContext(db: DbOrTx, reviewId: string) {
  const [stored] = await loadReviews(db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const cycle = await findCycle(db, stored.row.cycleNumber);
  const mechanism = cycle ? await findMechanism(db, cycle.mechanismId) : undefined;
  return { stored, settings: followUpSettings(mechanism?.settings), finalisedOn: milestoneDate(stored.review, 'reportFinalised') ?? null };
}

function storedRound(r: RoundRow): StoredRound {
  return { number: r.number, opensOn: r.opensOn, dueOn: r.dueOn, closedOn: r.closedOn };
}

function mustBeFinalised(finalisedOn: string | null): string {
  if (finalisedOn === null) throw new DomainError('followUp.invalidState', 'The report of this review is not finalised: its recommendations cannot be followed up yet.');
  return finalisedOn;
}

export function presentEvidenceFile(f: EvidenceFileRow) {
  return { id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, uploadedBy: f.uploadedBy, uploadedAt: f.uploadedAt.toISOString() };
}

type HistoryEntry =
  | { kind: 'self-report'; round: number; version: number; status: FollowUpStatus; narrative: string; links: { url: string; title: string }[]; statistics: { label: string; value: string; period: string }[]; documents: { id: string; filename: string }[]; author: string; on: string; at: string }
  | { kind: 'assessment'; round: number; version: number; status: FollowUpStatus; note: string; side: 'secretariat' | 'reviewing'; author: string; on: string; at: string };

/** One review's follow-up as the actor may see it. */
export async function getFollowUp(ctx: UseCaseContext, reviewId: string) {
  const { stored, settings, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'followUp.read', { relation });
  const canSeeDetail = may(ctx.actor, 'followUp.readUnpublished', { relation });
  const today = dayOf(ctx.now);
  const rounds = await listRounds(ctx.db, reviewId);
  const roundNumber = new Map(rounds.map((r) => [r.id, r.number]));
  const party = await findPartyRow(ctx.db, stored.review.stateUnderReview);

  let recommendations = finalisedOn === null ? [] : await listReviewRecommendations(ctx.db, reviewId);
  if (!canSeeDetail) {
    // Outsiders: only what the published report holds, in its published words.
    const published = (await publishedMaterialOf(ctx.db, [reviewId])).get(reviewId)!.recommendations;
    const texts = new Map(published.filter((p) => p.reference).map((p) => [p.reference!, p.text]));
    recommendations = recommendations.filter((r) => texts.has(r.reference)).map((r) => ({ ...r, text: texts.get(r.reference)! }));
  }
  const assessments = await listAssessments(ctx.db, [reviewId]);
  const selfReports = canSeeDetail ? await listSelfReports(ctx.db, reviewId) : [];
  const files = canSeeDetail ? await listEvidenceFiles(ctx.db, reviewId) : [];
  const fileNames = new Map(files.map((f) => [f.id, f.filename]));

  const view = recommendations.map((r) => {
    const key = keyOf(r);
    const mine = assessments.filter((a) => keyOf(a) === key);
    const latest = mine.reduce<(typeof mine)[number] | undefined>((best, a) => (!best || a.round > best.round || (a.round === best.round && a.version > best.version) ? a : best), undefined);
    const reports = selfReports.filter((s) => keyOf(s) === key);
    const claimed = reports.reduce<(typeof reports)[number] | undefined>((best, s) => (!best || roundNumber.get(s.roundId)! > roundNumber.get(best.roundId)! || (s.roundId === best.roundId && s.version > best.version) ? s : best), undefined);
    const history: HistoryEntry[] = canSeeDetail
      ? [
          ...reports.map((s): HistoryEntry => ({
            kind: 'self-report',
            round: roundNumber.get(s.roundId)!,
            version: s.version,
            status: s.status as FollowUpStatus,
            narrative: s.narrative,
            links: s.links,
            statistics: s.statistics,
            documents: s.documents.map((id) => ({ id, filename: fileNames.get(id) ?? id })),
            author: s.author,
            on: s.submittedOn,
            at: s.createdAt.toISOString(),
          })),
          ...mine.map((a): HistoryEntry => ({ kind: 'assessment', round: a.round, version: a.version, status: a.status as FollowUpStatus, note: a.note, side: a.side as 'secretariat' | 'reviewing', author: a.assessor, on: a.assessedOn, at: a.createdAt.toISOString() })),
        ].sort((a, b) => a.at.localeCompare(b.at))
      : [];
    return {
      article: r.article,
      sequence: r.sequence,
      reference: r.reference,
      text: r.text,
      latest: latest ? { status: latest.status as FollowUpStatus, round: latest.round, assessedOn: latest.assessedOn } : null,
      claimed: claimed ? { status: claimed.status as FollowUpStatus, round: roundNumber.get(claimed.roundId)!, submittedOn: claimed.submittedOn } : null,
      history,
    };
  });

  const last = rounds.at(-1);
  let upcoming: { number: number; opensOn: string; dueOn: string } | null = null;
  if (finalisedOn !== null && (!last || last.closedOn !== null)) upcoming = nextRound({ finalisedOn, rounds: rounds.map(storedRound), settings });
  const can = (action: 'followUp.report' | 'followUp.assess' | 'followUp.manage' | 'followUp.plan') => finalisedOn !== null && may(ctx.actor, action, { relation });
  if (canSeeDetail) await appendAudit(ctx.db, { actor: ctx.actor, action: 'followUp.read', resourceType: 'review', resourceId: reviewId, details: { relation }, ip: ctx.ip, requestId: ctx.requestId });
  return {
    reviewId,
    cycle: stored.row.cycleNumber,
    state: { iso3: stored.review.stateUnderReview, name: party?.nameUn ?? stored.review.stateUnderReview },
    finalisedOn,
    settings,
    rounds: rounds.map((r) => ({ number: r.number, opensOn: r.opensOn, dueOn: r.dueOn, closedOn: r.closedOn, state: roundState(storedRound(r), today) })),
    upcoming,
    canSeeDetail,
    may: { report: can('followUp.report'), assess: can('followUp.assess'), manage: can('followUp.manage'), plan: can('followUp.plan') },
    evidenceFiles: files.map(presentEvidenceFile),
    recommendations: view,
  };
}

export type FollowUpView = Awaited<ReturnType<typeof getFollowUp>>;

/** The secretariat opens the next round, on the schedule's dates unless it gives others. */
export async function openRound(ctx: UseCaseContext, reviewId: string, input: { opensOn?: string; dueOn?: string }) {
  authorize(ctx.actor, 'followUp.manage');
  const { settings, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  return ctx.db.transaction(async (tx) => {
    const rounds = await listRounds(tx, reviewId);
    const round = nextRound({ finalisedOn, rounds: rounds.map(storedRound), settings, ...input });
    try {
      await insertRound(tx, { id: randomUUID(), reviewId, ...round, openedBy: actorLabel(ctx.actor), openedAt: ctx.now });
    } catch (error) {
      // Two secretariat officers opening the same round at once: the unique index decides.
      if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
        throw new DomainError('record.versionConflict', `Round ${round.number} was opened by someone else meanwhile.`);
      }
      throw error;
    }
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.openRound', resourceType: 'review', resourceId: reviewId, details: round, ip: ctx.ip, requestId: ctx.requestId });
    return round;
  });
}

export async function closeRound(ctx: UseCaseContext, reviewId: string, number: number) {
  authorize(ctx.actor, 'followUp.manage');
  await loadFollowUpContext(ctx.db, reviewId);
  const today = dayOf(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const round = (await listRounds(tx, reviewId)).find((r) => r.number === number);
    if (!round) throw new DomainError('resource.notFound', `No follow-up round ${number} in this review.`);
    checkClose(storedRound(round), today);
    const closed = await closeRoundRow(tx, round.id, today, actorLabel(ctx.actor));
    if (!closed) throw new DomainError('followUp.invalidState', `Round ${number} was closed meanwhile.`);
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.closeRound', resourceType: 'review', resourceId: reviewId, details: { round: number, closedOn: today }, ip: ctx.ip, requestId: ctx.requestId });
    return { number, closedOn: today };
  });
}


/** An evidence file for a later self-report; the same limits and type checks as checklist attachments. */
export async function uploadEvidence(ctx: UseCaseContext, files: FileStore, maxBytes: number, reviewId: string, file: { filename: string; bytes: Buffer }) {
  const { stored, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  authorize(ctx.actor, 'followUp.report', { relation: relationTo(ctx.actor, stored.review) });
  mustBeFinalised(finalisedOn);
  const detected = await fileTypeFromBuffer(file.bytes);
  const accepted = checkAttachment({ filename: file.filename, sizeBytes: file.bytes.length, detectedType: detected?.mime, isText: !detected && isPlainDocumentText(file.bytes) }, maxBytes);
  const id = randomUUID();
  const storageKey = `follow-up/${ctx.now.getUTCFullYear()}/${id}`;
  const row = await storeThenRecord(files, storageKey, file.bytes, accepted.contentType, () =>
    ctx.db.transaction(async (tx) => {
      const inserted = await insertEvidenceFile(tx, { id, reviewId, filename: accepted.filename, contentType: accepted.contentType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), storageKey, uploadedBy: actorLabel(ctx.actor), uploadedAt: ctx.now });
      await appendAudit(tx, { actor: ctx.actor, action: 'followUp.uploadEvidence', resourceType: 'review', resourceId: reviewId, details: { fileId: id, contentType: accepted.contentType, sizeBytes: file.bytes.length }, ip: ctx.ip, requestId: ctx.requestId });
      return inserted;
    }),
  );
  return presentEvidenceFile(row);
}

export async function readEvidence(ctx: UseCaseContext, files: FileStore, reviewId: string, fileId: string) {
  const { stored } = await loadFollowUpContext(ctx.db, reviewId);
  authorize(ctx.actor, 'followUp.readUnpublished', { relation: relationTo(ctx.actor, stored.review) });
  const row = await findEvidenceFile(ctx.db, reviewId, fileId);
  if (!row) throw new DomainError('resource.notFound', `No evidence file ${fileId} in this review's follow-up.`);
  const bytes = await files.get(row.storageKey);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'followUp.downloadEvidence', resourceType: 'review', resourceId: reviewId, details: { fileId }, ip: ctx.ip, requestId: ctx.requestId });
  return { file: presentEvidenceFile(row), bytes };
}

async function recommendationOf(db: DbOrTx, reviewId: string, article: number, sequence: number) {
  const found = (await listReviewRecommendations(db, reviewId)).find((r) => r.article === article && r.sequence === sequence);
  if (!found) throw new DomainError('resource.notFound', `The finalised report of this review has no recommendation ${article}/${sequence}.`);
  return found;
}

async function roundOf(db: DbOrTx, reviewId: string, number: number) {
  const round = (await listRounds(db, reviewId)).find((r) => r.number === number);
  if (!round) throw new DomainError('resource.notFound', `No follow-up round ${number} in this review.`);
  return round;
}

/** The State's self-report on one recommendation in one round: a new version, never an overwrite. */
export async function submitSelfReport(ctx: UseCaseContext, reviewId: string, roundNumber: number, article: number, sequence: number, input: SelfReportInput) {
  const { stored, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  authorize(ctx.actor, 'followUp.report', { relation: relationTo(ctx.actor, stored.review) });
  mustBeFinalised(finalisedOn);
  const today = dayOf(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const round = await roundOf(tx, reviewId, roundNumber);
    const recommendation = await recommendationOf(tx, reviewId, article, sequence);
    const known = new Set((await listEvidenceFiles(tx, reviewId)).map((f) => f.id));
    const checked = checkSelfReport(input, storedRound(round), today, known);
    const history = (await listSelfReports(tx, reviewId)).filter((s) => s.roundId === round.id && s.article === article && s.sequence === sequence);
    const version = nextVersion(history);
    await insertSelfReport(tx, { id: randomUUID(), reviewId, roundId: round.id, article, sequence, reference: recommendation.reference, version, ...checked, author: actorLabel(ctx.actor), submittedOn: today, createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.selfReport', resourceType: 'review', resourceId: reviewId, details: { round: roundNumber, reference: recommendation.reference, version, status: checked.status, evidence: checked.links.length + checked.statistics.length + checked.documents.length }, ip: ctx.ip, requestId: ctx.requestId });
    return { round: roundNumber, reference: recommendation.reference, version, status: checked.status, submittedOn: today };
  });
}

/** An assessment of the latest self-report of a recommendation in a round, by the reviewers or the secretariat. */
export async function assessRecommendation(ctx: UseCaseContext, reviewId: string, roundNumber: number, article: number, sequence: number, input: AssessmentInput) {
  const { stored, finalisedOn } = await loadFollowUpContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'followUp.assess', { relation });
  mustBeFinalised(finalisedOn);
  const today = dayOf(ctx.now);
  const side = ctx.actor.kind === 'user' && ctx.actor.role === 'secretariat' ? 'secretariat' : 'reviewing';
  return ctx.db.transaction(async (tx) => {
    const round = await roundOf(tx, reviewId, roundNumber);
    const recommendation = await recommendationOf(tx, reviewId, article, sequence);
    const reports = (await listSelfReports(tx, reviewId)).filter((s) => s.roundId === round.id && s.article === article && s.sequence === sequence);
    const latestReport = reports.at(-1);
    const checked = checkAssessment(input, latestReport, storedRound(round), today);
    const history = (await listAssessments(tx, [reviewId])).filter((a) => a.roundId === round.id && a.article === article && a.sequence === sequence);
    const version = nextVersion(history);
    await insertAssessment(tx, { id: randomUUID(), reviewId, roundId: round.id, article, sequence, version, selfReportId: latestReport!.id, ...checked, side, assessor: actorLabel(ctx.actor), createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'followUp.assess', resourceType: 'review', resourceId: reviewId, details: { round: roundNumber, reference: recommendation.reference, version, status: checked.status, selfReportVersion: latestReport!.version }, ip: ctx.ip, requestId: ctx.requestId });
    return { round: roundNumber, reference: recommendation.reference, version, status: checked.status, assessedOn: checked.assessedOn };
  });
}

