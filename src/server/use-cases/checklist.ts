/**
 * @module checklist use cases
 * Reading, answering and submitting the self-assessment checklist. Its content is
 * confidential: only the State under review, its two reviewing States and the secretariat
 * read it, every read is in the audit trail, and reviewers see the last submitted version.
 */
import { checkAnswer, checklistFormatOf, isAnswered, MAX_ANSWER_LENGTH, type AnswerInput, type ChecklistFormat, type Compliance } from '../../domain/reviews/checklist.ts';
import { DomainError } from '../../domain/errors.ts';
import { milestoneDate, recordMilestone } from '../../domain/reviews/review.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { asRichText, plainTextToHtml, toSafeRichText } from '../../domain/reviews/rich-text.ts';
import { listCurrentAttachments, type AttachmentRow } from '../../db/repositories/attachments.ts';
import { findAnswer, insertAnswer, insertAnswerVersion, insertSubmission, listAnswers, listSubmissions, provisionsOfChapters, updateAnswer, type AnswerRow, type AnswerVersionRow } from '../../db/repositories/checklists.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import { insertMilestone, loadReviews, updateReviewRow, type StoredReview } from '../../db/repositories/reviews.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';
import { notifyReviewEvent } from './notifications.ts';
import type { DbOrTx } from '../../db/client.ts';

export async function loadContext(db: DbOrTx, reviewId: string) {
  const [stored] = await loadReviews(db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  return contextOfReview(db, stored);
}

/** loadContext for a review already loaded (the review page has it: four queries fewer). */
async function contextOfReview(db: DbOrTx, stored: StoredReview) {
  const cycle = (await findCycle(db, stored.row.cycleNumber))!;
  const mechanism = await findMechanism(db, cycle.mechanismId);
  const formats = ((mechanism?.settings ?? {}) as { checklistFormats?: Record<string, ChecklistFormat> }).checklistFormats;
  const format = checklistFormatOf(cycle.number, formats);
  const provisionRows = await provisionsOfChapters(db, mechanism?.instrumentCode ?? 'UNCAC', cycle.chapters);
  return { stored, cycle, format, provisionRows };
}

export function presentAnswer(a: AnswerRow | AnswerVersionRow | Record<string, unknown> | undefined) {
  if (!a) return null;
  const row = a as AnswerRow;
  // Answers saved before rich text are plain text: readers and editors always get HTML.
  return { compliance: row.compliance as Compliance | null, text: asRichText(row.text), assistanceNeeds: row.assistanceNeeds, version: row.version, updatedBy: row.updatedBy, updatedAt: new Date(row.updatedAt).toISOString() };
}

/** What a reader learns about an attachment (the storage key stays on the server). */
export interface AttachmentSummary {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

export function summariseAttachment(a: AttachmentRow): AttachmentSummary {
  return { id: a.id, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes, uploadedBy: a.uploadedBy, uploadedAt: a.uploadedAt.toISOString() };
}

/** A submitted answer as kept in the submission: the answer and the attachments it cited. */
export type SubmittedAnswer = Partial<Omit<AnswerRow, 'updatedAt'>> & { provisionId: string; updatedAt: string; attachments?: AttachmentSummary[] };

export async function getChecklist(ctx: UseCaseContext, reviewId: string) {
  const { stored, cycle, format, provisionRows } = await loadContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'review.readConfidential', { relation });
  const submissions = await listSubmissions(ctx.db, reviewId);
  // Reviewers work on what the State submitted, not on its drafts in progress.
  const isReviewer = relation === 'reviewing';
  const submitted = (submissions[0]?.answers ?? []) as SubmittedAnswer[];
  const source: (AnswerRow | SubmittedAnswer)[] = isReviewer ? submitted.filter((a) => a.version !== undefined) : await listAnswers(ctx.db, reviewId);
  const byProvision = new Map(source.map((a) => [String(a.provisionId), a]));
  const attachmentsOf = new Map<string, AttachmentSummary[]>();
  if (isReviewer) {
    for (const a of submitted) if (a.attachments?.length) attachmentsOf.set(a.provisionId, a.attachments);
  } else {
    for (const a of await listCurrentAttachments(ctx.db, reviewId)) attachmentsOf.set(a.provisionId, [...(attachmentsOf.get(a.provisionId) ?? []), summariseAttachment(a)]);
  }
  const sections = new Map<number, { article: number; title: string; chapter: string; provisions: { id: string; label: string; obligation: string; answer: ReturnType<typeof presentAnswer>; attachments: AttachmentSummary[] }[] }>();
  let answered = 0;
  for (const p of provisionRows) {
    const answer = byProvision.get(p.id) as AnswerRow | undefined;
    if (isAnswered(answer)) answered += 1;
    const section = sections.get(p.articleNumber) ?? { article: p.articleNumber, title: p.articleTitle, chapter: p.chapter, provisions: [] };
    section.provisions.push({ id: p.id, label: p.label, obligation: p.obligation, answer: presentAnswer(answer), attachments: attachmentsOf.get(p.id) ?? [] });
    sections.set(p.articleNumber, section);
  }
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'checklist.read', resourceType: 'review', resourceId: reviewId, details: { relation, view: isReviewer ? 'submitted' : 'working' }, ip: ctx.ip, requestId: ctx.requestId });
  return {
    reviewId,
    cycle: cycle.number,
    format,
    view: isReviewer ? ('submitted' as const) : ('working' as const),
    progress: { answered, total: provisionRows.length },
    submissions: submissions.map((s) => ({ number: s.number, reason: s.reason as 'submitted' | 'desk-review', submittedAt: s.submittedAt.toISOString(), submittedBy: s.submittedBy })),
    sections: [...sections.values()],
  };
}

/** Saves one answer if nobody saved it since `version` was read (0 = a first answer). */
export async function saveAnswer(ctx: UseCaseContext, reviewId: string, provisionId: string, input: AnswerInput & { version: number }) {
  const { stored, format, provisionRows } = await loadContext(ctx.db, reviewId);
  authorize(ctx.actor, 'checklist.answer', { relation: relationTo(ctx.actor, stored.review) });
  const clean = checkAnswer(format, new Set(provisionRows.map((p) => p.id)), provisionId, input);
  return ctx.db.transaction(async (tx) => {
    const saved = await writeAnswer(tx, ctx, reviewId, provisionId, clean, input.version, 'checklist');
    await appendAudit(tx, { actor: ctx.actor, action: 'checklist.answer', resourceType: 'review', resourceId: reviewId, details: { provisionId, version: saved.version }, ip: ctx.ip, requestId: ctx.requestId });
    return presentAnswer(saved)!;
  });
}

/**
 * Writes an answer over `expectedVersion` (0 = none yet) and keeps the new version in the
 * history; a version that moved on meanwhile is a 409 carrying the stored answer.
 */
export async function writeAnswer(
  tx: DbOrTx,
  ctx: UseCaseContext,
  reviewId: string,
  provisionId: string,
  clean: Pick<AnswerRow, 'compliance' | 'text' | 'assistanceNeeds'>,
  expectedVersion: number,
  source: AnswerVersionRow['source'],
): Promise<AnswerRow> {
  const current = await findAnswer(tx, reviewId, provisionId);
  const conflict = () => new DomainError('record.versionConflict', 'Someone else saved this answer since you opened it. Compare both versions and save again.', { current: presentAnswer(current) });
  if ((current?.version ?? 0) !== expectedVersion) throw conflict();
  const saved = current
    ? await updateAnswer(tx, reviewId, provisionId, expectedVersion, { ...clean, updatedBy: actorLabel(ctx.actor) })
    : await insertAnswer(tx, { reviewId, provisionId, ...clean, version: 1, updatedBy: actorLabel(ctx.actor) });
  if (!saved) throw conflict();
  await insertAnswerVersion(tx, saved, source);
  return saved;
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
    await insertSubmission(tx, { reviewId, number, submittedBy: actorLabel(ctx.actor), answers: snapshotOf(answers, await listCurrentAttachments(tx, reviewId)) });
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

/**
 * A reply of the State under review in the desk review, added to its answer to that
 * provision: a new answer version, and at once a new submitted version of the checklist
 * in which only that answer changed, so the reviewers read it without waiting for the
 * focal point to submit again. Returns the new answer version.
 */
export async function addReplyToAnswer(tx: DbOrTx, ctx: UseCaseContext, reviewId: string, provisionId: string, reply: string): Promise<number> {
  const current = await findAnswer(tx, reviewId, provisionId);
  const text = toSafeRichText(asRichText(current?.text ?? '') + plainTextToHtml(reply));
  if (text.length > MAX_ANSWER_LENGTH) throw new DomainError('request.invalid', `The answer would exceed ${MAX_ANSWER_LENGTH} characters; shorten it in the checklist instead.`);
  const saved = await writeAnswer(tx, ctx, reviewId, provisionId, { compliance: current?.compliance ?? null, text, assistanceNeeds: current?.assistanceNeeds ?? { types: [], text: '' } }, current?.version ?? 0, 'desk-review');
  const [latest] = await listSubmissions(tx, reviewId);
  if (latest) {
    const previous = (latest.answers as SubmittedAnswer[]).find((a) => a.provisionId === provisionId);
    const answers = (latest.answers as SubmittedAnswer[]).filter((a) => a.provisionId !== provisionId);
    answers.push({ ...saved, updatedAt: saved.updatedAt.toISOString(), attachments: previous?.attachments ?? [] });
    await insertSubmission(tx, { reviewId, number: latest.number + 1, reason: 'desk-review', submittedBy: actorLabel(ctx.actor), answers });
  }
  return saved.version;
}

/** The answers as submitted, each with the attachments it cites (also where only a file was given). */
function snapshotOf(answers: AnswerRow[], attachments: AttachmentRow[]): SubmittedAnswer[] {
  const filesOf = new Map<string, AttachmentSummary[]>();
  for (const a of attachments) filesOf.set(a.provisionId, [...(filesOf.get(a.provisionId) ?? []), summariseAttachment(a)]);
  const snapshot: SubmittedAnswer[] = answers.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), attachments: filesOf.get(a.provisionId) ?? [] }));
  const answered = new Set(answers.map((a) => a.provisionId));
  for (const [provisionId, files] of filesOf) if (!answered.has(provisionId)) snapshot.push({ provisionId, updatedAt: files[0]!.uploadedAt, attachments: files });
  return snapshot;
}

/**
 * How far the checklist is, for the review page: answered / total provisions of the version
 * the actor reads (reviewers: the last submitted one), and the number of the last submission.
 * Null for those who may not read the review's content.
 */
export async function checklistProgress(ctx: UseCaseContext, stored: StoredReview) {
  const relation = relationTo(ctx.actor, stored.review);
  if (!may(ctx.actor, 'review.readConfidential', { relation })) return null;
  const { provisionRows } = await contextOfReview(ctx.db, stored);
  const submissions = await listSubmissions(ctx.db, stored.row.id);
  const answers: { compliance?: string | null; text?: string }[] = relation === 'reviewing' ? (submissions[0]?.answers ?? []) : await listAnswers(ctx.db, stored.row.id);
  const answered = answers.filter((a) => isAnswered({ compliance: a.compliance ?? null, text: a.text ?? '' })).length;
  return { answered, total: provisionRows.length, lastSubmission: submissions[0]?.number ?? null };
}

/** The provisions a review's checklist covers (those of its cycle's chapters). */
export async function checklistProvisionIds(db: DbOrTx, reviewId: string): Promise<Set<string>> {
  return new Set((await loadContext(db, reviewId)).provisionRows.map((p) => p.id));
}
