/**
 * @module checklist versions
 * Nothing typed in the checklist is lost: every saved version of an answer is kept, and
 * any two submissions (or the last submission and the working answers) can be compared.
 * Reviewers see only what was submitted, so their history holds submitted versions only.
 */
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { listCurrentAttachments } from '../../db/repositories/attachments.ts';
import { listAnswers, listAnswerVersions, listSubmissions } from '../../db/repositories/checklists.ts';
import { loadContext, presentAnswer, summariseAttachment, type AttachmentSummary, type SubmittedAnswer } from './checklist.ts';
import type { UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';

async function readable(ctx: UseCaseContext, reviewId: string) {
  const context = await loadContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, context.stored.review);
  authorize(ctx.actor, 'review.readConfidential', { relation });
  return { ...context, relation, submissions: await listSubmissions(ctx.db, reviewId) };
}

/** Every version of one answer, newest first, with the submissions that carried it. */
export async function getAnswerHistory(ctx: UseCaseContext, reviewId: string, provisionId: string) {
  const { relation, provisionRows, submissions } = await readable(ctx, reviewId);
  if (!provisionRows.some((p) => p.id === provisionId)) throw new DomainError('request.invalid', `Provision ${provisionId} is not in this review's checklist.`);
  const carriedBy = new Map<number, number[]>();
  for (const submission of [...submissions].reverse()) {
    const answer = (submission.answers as SubmittedAnswer[]).find((a) => a.provisionId === provisionId);
    if (answer?.version !== undefined) carriedBy.set(answer.version, [...(carriedBy.get(answer.version) ?? []), submission.number]);
  }
  const versions = (await listAnswerVersions(ctx.db, reviewId, provisionId)).filter((v) => relation !== 'reviewing' || carriedBy.has(v.version));
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'checklist.history', resourceType: 'review', resourceId: reviewId, details: { provisionId, versions: versions.length }, ip: ctx.ip, requestId: ctx.requestId });
  return versions.map((v) => ({ ...presentAnswer(v)!, source: v.source, submissions: carriedBy.get(v.version) ?? [] }));
}

type Side = { answer: ReturnType<typeof presentAnswer>; attachments: AttachmentSummary[] };

function sameSide(a: Side, b: Side): boolean {
  const ids = (s: Side) => s.attachments.map((f) => f.id).join(',');
  return a.answer?.version === b.answer?.version && a.answer?.text === b.answer?.text && ids(a) === ids(b);
}

/**
 * The provisions whose answer or attachments differ between submission `from` and `to`
 * (a later submission, or 'working' for the answers as they stand now).
 */
export async function compareChecklist(ctx: UseCaseContext, reviewId: string, from: number, to: number | 'working') {
  const { relation, provisionRows, submissions } = await readable(ctx, reviewId);
  if (to === 'working' && relation === 'reviewing') throw new DomainError('policy.denied', 'Reviewers compare submitted versions only.');
  const submissionOf = (n: number) => {
    const found = submissions.find((s) => s.number === n);
    if (!found) throw new DomainError('resource.notFound', `This checklist has no submission ${n}.`);
    return found;
  };
  const sidesOfSubmission = (n: number) => {
    const sides = new Map<string, Side>();
    for (const a of submissionOf(n).answers as SubmittedAnswer[]) sides.set(a.provisionId, { answer: a.version === undefined ? null : presentAnswer(a), attachments: a.attachments ?? [] });
    return sides;
  };
  const before = sidesOfSubmission(from);
  let after: Map<string, Side>;
  if (to === 'working') {
    after = new Map();
    for (const a of await listAnswers(ctx.db, reviewId)) after.set(a.provisionId, { answer: presentAnswer(a), attachments: [] });
    for (const f of await listCurrentAttachments(ctx.db, reviewId)) {
      const side = after.get(f.provisionId) ?? { answer: null, attachments: [] };
      side.attachments.push(summariseAttachment(f));
      after.set(f.provisionId, side);
    }
  } else {
    after = sidesOfSubmission(to);
  }
  const empty: Side = { answer: null, attachments: [] };
  const changes = provisionRows
    .map((p) => ({ provisionId: p.id, label: p.label, article: p.articleNumber, before: before.get(p.id) ?? empty, after: after.get(p.id) ?? empty }))
    .filter((c) => !sameSide(c.before, c.after));
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'checklist.compare', resourceType: 'review', resourceId: reviewId, details: { from, to, changes: changes.length }, ip: ctx.ip, requestId: ctx.requestId });
  return { from, to, changes };
}
