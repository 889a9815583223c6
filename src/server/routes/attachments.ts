/**
 * Attachments of checklist answers: upload (multipart, one file), download, remove.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { readAttachment, removeAttachment, uploadAttachment } from '../use-cases/attachments.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

export const attachmentSchema = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), uploadedBy: z.string(), uploadedAt: z.string() });
const params = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** RFC 6266: a plain ASCII fallback and the exact name in UTF-8. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerAttachmentRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/reviews/:id/checklist/:provisionId/attachments',
    {
      config: { action: 'checklist.answer' },
      schema: {
        tags: ['checklist'],
        summary: 'Attach a file to an answer (multipart/form-data, one file; type checked from its bytes)',
        params: z.object({ id: z.uuid(), provisionId: z.string().min(1).max(20) }),
        response: { 201: z.object({ attachment: attachmentSchema }), ...errors, 400: problemSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('request.unsupportedMediaType', 'Send the file as multipart/form-data.');
      const part = await request.file();
      if (!part) throw new DomainError('request.invalid', 'No file in the request.');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('attachment.tooLarge', `The file is larger than the limit of ${Math.round(deps.config.ATTACHMENT_MAX_BYTES / 1024 / 1024)} MiB.`);
        }
        throw error;
      }
      const attachment = await uploadAttachment(contextOf(request, deps), deps.files, deps.config.ATTACHMENT_MAX_BYTES, request.params.id, request.params.provisionId, { filename: part.filename, bytes });
      return reply.code(201).send({ attachment });
    },
  );

  app.get(
    '/api/reviews/:id/attachments/:attachmentId',
    { config: { action: 'review.readConfidential' }, schema: { tags: ['checklist'], summary: 'Download an attachment (reviewers: those of a submitted version)', params } },
    async (request, reply) => {
      const { attachment, bytes } = await readAttachment(contextOf(request, deps), deps.files, request.params.id, request.params.attachmentId);
      return (
        reply
          .header('content-type', attachment.contentType)
          .header('content-disposition', contentDisposition(attachment.filename))
          .header('cache-control', 'private, no-store')
          // A file never runs as a page of this site, whatever it holds.
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(bytes)
      );
    },
  );

  app.delete(
    '/api/reviews/:id/attachments/:attachmentId',
    { config: { action: 'checklist.answer' }, schema: { tags: ['checklist'], summary: 'Remove an attachment from the working answer', params, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeAttachment(contextOf(request, deps), request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
}
