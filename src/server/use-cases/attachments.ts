/**
 * @module attachments use cases
 * Files attached to checklist answers. The State under review (and the secretariat) attach
 * and remove them; every party reads them, reviewers only those of a submitted version.
 * The type is decided from the bytes; the bytes go to the file store before the row is
 * written, so a row never points at nothing; a row that cannot be written takes its file away.
 */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { checkAttachment, isPlainDocumentText } from '../../domain/reviews/attachments.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { findAttachment, insertAttachment, markAttachmentRemoved } from '../../db/repositories/attachments.ts';
import { listSubmissions } from '../../db/repositories/checklists.ts';
import { storeThenRecord, type FileStore } from '../files/file-store.ts';
import { loadContext, summariseAttachment, type SubmittedAnswer } from './checklist.ts';
import type { UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';


export async function uploadAttachment(ctx: UseCaseContext, files: FileStore, maxBytes: number, reviewId: string, provisionId: string, file: { filename: string; bytes: Buffer }) {
  const { stored, provisionRows } = await loadContext(ctx.db, reviewId);
  authorize(ctx.actor, 'checklist.answer', { relation: relationTo(ctx.actor, stored.review) });
  if (!provisionRows.some((p) => p.id === provisionId)) throw new DomainError('request.invalid', `Provision ${provisionId} is not in this review's checklist (its cycle covers other chapters).`);
  const detected = await fileTypeFromBuffer(file.bytes);
  const accepted = checkAttachment({ filename: file.filename, sizeBytes: file.bytes.length, detectedType: detected?.mime, isText: !detected && isPlainDocumentText(file.bytes) }, maxBytes);
  const id = randomUUID();
  const storageKey = `${ctx.now.getUTCFullYear()}/${id}`;
  const row = await storeThenRecord(files, storageKey, file.bytes, accepted.contentType, () =>
    ctx.db.transaction(async (tx) => {
      const inserted = await insertAttachment(tx, { id, reviewId, provisionId, filename: accepted.filename, contentType: accepted.contentType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), storageKey, uploadedBy: actorLabel(ctx.actor) });
      await appendAudit(tx, { actor: ctx.actor, action: 'attachment.upload', resourceType: 'review', resourceId: reviewId, details: { attachmentId: id, provisionId, contentType: accepted.contentType, sizeBytes: file.bytes.length }, ip: ctx.ip, requestId: ctx.requestId });
      return inserted;
    }),
  );
  return summariseAttachment(row);
}

/** Takes a file off the working answer; a submitted version that cites it keeps it. */
export async function removeAttachment(ctx: UseCaseContext, reviewId: string, attachmentId: string) {
  const { stored } = await loadContext(ctx.db, reviewId);
  authorize(ctx.actor, 'checklist.answer', { relation: relationTo(ctx.actor, stored.review) });
  await ctx.db.transaction(async (tx) => {
    const removed = await markAttachmentRemoved(tx, reviewId, attachmentId, actorLabel(ctx.actor));
    if (!removed) throw new DomainError('resource.notFound', `No attachment ${attachmentId} on this checklist.`);
    await appendAudit(tx, { actor: ctx.actor, action: 'attachment.remove', resourceType: 'review', resourceId: reviewId, details: { attachmentId, provisionId: removed.provisionId }, ip: ctx.ip, requestId: ctx.requestId });
  });
}

export async function readAttachment(ctx: UseCaseContext, files: FileStore, reviewId: string, attachmentId: string) {
  const { stored } = await loadContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'review.readConfidential', { relation });
  const row = await findAttachment(ctx.db, reviewId, attachmentId);
  const notFound = () => new DomainError('resource.notFound', `No attachment ${attachmentId} on this checklist.`);
  if (!row) throw notFound();
  if (relation === 'reviewing') {
    // Reviewers read what was submitted, files included, not the State's work in progress.
    const submitted = (await listSubmissions(ctx.db, reviewId)).some((s) => (s.answers as SubmittedAnswer[]).some((a) => a.attachments?.some((f) => f.id === attachmentId)));
    if (!submitted) throw notFound();
  }
  const bytes = await files.get(row.storageKey);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'attachment.download', resourceType: 'review', resourceId: reviewId, details: { attachmentId, provisionId: row.provisionId }, ip: ctx.ip, requestId: ctx.requestId });
  return { attachment: summariseAttachment(row), bytes };
}
