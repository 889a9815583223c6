/**
 * @module checklist use cases
 * Reading, answering and submitting the self-assessment checklist. Its content is
 * confidential: only the State under review, its two reviewing States and the secretariat
 * read it, every read is in the audit trail, and reviewers see the last submitted version.
 */
import { checkAnswer, checklistFormatOf, isAnswered, type AnswerInput, type ChecklistFormat, type Compliance } from '../../domain/reviews/checklist.ts';
import { DomainError } from '../../domain/errors.ts';
import { milestoneDate, recordMilestone } from '../../domain/reviews/review.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { findAnswer, insertAnswer, insertSubmission, listAnswers, listSubmissions, provisionsOfChapters, updateAnswer, type AnswerRow } from '../../db/repositories/checklists.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import { insertMilestone, loadReviews, updateReviewRow, type StoredReview } from '../../db/repositories/reviews.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';
import { notifyReviewEvent } from './notifications.ts';
import type { DbOrTx } from '../../db/client.ts';

async function loadContext(db: DbOrTx, reviewId: string) {
  const [stored] = await loadReviews(db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const cycle = (await findCycle(db, stored.row.cycleNumber))!;
  const mechanism = await findMechanism(db, cycle.mechanismId);
  const formats = ((mechanism?.settings ?? {}) as { checklistFormats?: Record<string, ChecklistFormat> }).checklistFormats;
  const format = checklistFormatOf(cycle.number, formats);
  const provisionRows = await provisionsOfChapters(db, mechanism?.instrumentCode ?? 'UNCAC', cycle.chapters);
  return { stored, cycle, format, provisionRows };
}

function presentAnswer(a: AnswerRow | Record<string, unknown> | undefined) {
  if (!a) return null;
  const row = a as AnswerRow;
  return { compliance: row.compliance as Compliance | null, text: row.text, assistanceNeeds: row.assistanceNeeds, version: row.version, updatedBy: row.updatedBy, updatedAt: new Date(row.updatedAt).toISOString() };
}

export async function getChecklist(ctx: UseCaseContext, reviewId: string) {
  const { stored, cycle, format, provisionRows } = await loadContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'review.readConfidential', { relation });
  const submissions = await listSubmissions(ctx.db, reviewId);
  // Reviewers work on what the State submitted, not on its drafts in progress.
  const source: (AnswerRow | Record<string, unknown>)[] = relation === 'reviewing' ? (submissions[0]?.answers ?? []) : await listAnswers(ctx.db, reviewId);
  const byProvision = new Map(source.map((a) => [String(a.provisionId), a]));
  const sections = new Map<number, { article: number; title: string; chapter: string; provisions: { id: string; label: string; obligation: string; answer: ReturnType<typeof presentAnswer> }[] }>();
  let answered = 0;
  for (const p of provisionRows) {
    const answer = byProvision.get(p.id) as AnswerRow | undefined;
    if (isAnswered(answer)) answered += 1;
    const section = sections.get(p.articleNumber) ?? { article: p.articleNumber, title: p.articleTitle, chapter: p.chapter, provisions: [] };
    section.provisions.push({ id: p.id, label: p.label, obligation: p.obligation, answer: presentAnswer(answer) });
    sections.set(p.articleNumber, section);
  }
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'checklist.read', resourceType: 'review', resourceId: reviewId, details: { relation, view: relation === 'reviewing' ? 'submitted' : 'working' }, ip: ctx.ip, requestId: ctx.requestId });
  return {
    reviewId,
    cycle: cycle.number,
    format,
    view: relation === 'reviewing' ? ('submitted' as const) : ('working' as const),
    progress: { answered, total: provisionRows.length },
    submissions: submissions.map((s) => ({ number: s.number, submittedAt: s.submittedAt.toISOString(), submittedBy: s.submittedBy })),
    sections: [...sections.values()],
  };
}

/** Saves one answer if nobody saved it since `version` was read (0 = a first answer). */
export async function saveAnswer(ctx: UseCaseContext, reviewId: string, provisionId: string, input: AnswerInput & { version: number }) {
  const { stored, format, provisionRows } = await loadContext(ctx.db, reviewId);
  authorize(ctx.actor, 'checklist.answer', { relation: relationTo(ctx.actor, stored.review) });
  const clean = checkAnswer(format, new Set(provisionRows.map((p) => p.id)), provisionId, input);
  return ctx.db.transaction(async (tx) => {
    const current = await findAnswer(tx, reviewId, provisionId);
    const conflict = () =>
      new DomainError('record.versionConflict', 'Someone else saved this answer since you opened it. Compare both versions and save again.', { current: presentAnswer(current) });
    let saved: AnswerRow | undefined;
    if (!current) {
      if (input.version !== 0) throw conflict();
      saved = await insertAnswer(tx, { reviewId, provisionId, ...clean, version: 1, updatedBy: actorLabel(ctx.actor) });
    } else {
      if (current.version !== input.version) throw conflict();
      saved = await updateAnswer(tx, reviewId, provisionId, input.version, { ...clean, updatedBy: actorLabel(ctx.actor) });
    }
    if (!saved) throw conflict();
    await appendAudit(tx, { actor: ctx.actor, action: 'checklist.answer', resourceType: 'review', resourceId: reviewId, details: { provisionId, version: saved.version }, ip: ctx.ip, requestId: ctx.requestId });
    return presentAnswer(saved)!;
  });
}

/**
 * The focal point submits: the answers as they stand become the version the reviewers see.
 * The first submission records the "checklist submitted" milestone; later ones are corrections.
 */
export async function submitChecklist(ctx: UseCaseContext, reviewId: string) {
  const { stored } = await loadContext(ctx.db, reviewId);
  authorize(ctx.actor, 'checklist.submit', { relation: relationTo(ctx.actor, stored.review) });
  return ctx.db.transaction(async (tx) => {
    const [fresh] = (await loadReviews(tx, { ids: [reviewId] })) as [StoredReview];
    const answers = await listAnswers(tx, reviewId);
    if (!answers.some((a) => isAnswered(a))) throw new DomainError('request.invalid', 'Answer at least one provision before submitting.');
    const number = ((await listSubmissions(tx, reviewId))[0]?.number ?? 0) + 1;
    await insertSubmission(tx, { reviewId, number, submittedBy: actorLabel(ctx.actor), answers: answers.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString() })) });
    if (milestoneDate(fresh.review, 'checklistSubmitted') === undefined) {
      const today = isoDay(ctx.now);
      recordMilestone(fresh.review, { kind: 'checklistSubmitted', date: today }, ctx.now);
      await insertMilestone(tx, { reviewId, kind: 'checklistSubmitted', date: today, dialogueType: null, recordedBy: actorLabel(ctx.actor) });
      await updateReviewRow(tx, reviewId, {}, fresh.row.version);
    }
    await appendAudit(tx, { actor: ctx.actor, action: 'checklist.submit', resourceType: 'review', resourceId: reviewId, details: { submission: number, answered: answers.filter((a) => isAnswered(a)).length }, ip: ctx.ip, requestId: ctx.requestId });
    await notifyReviewEvent(tx, { kind: 'checklist.submitted', reviewId, submission: number, actor: ctx.actor }, ctx.now);
    return { number };
  });
}

/** The provisions a review's checklist covers (those of its cycle's chapters). */
export async function checklistProvisionIds(db: DbOrTx, reviewId: string): Promise<Set<string>> {
  return new Set((await loadContext(db, reviewId)).provisionRows.map((p) => p.id));
}
