/**
 * The self-assessment checklist as a Word document: confidential like the checklist itself.
 */
import { z } from 'zod';
import { exportChecklistDocx } from '../use-cases/checklist-export.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

export function registerChecklistExportRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/checklist.docx',
    {
      config: { action: 'review.readConfidential' },
      schema: {
        tags: ['checklist'],
        summary: 'The self-assessment checklist as a Word document (DOCX); reviewers get the last submitted version',
        params: z.object({ id: z.uuid() }),
        response: { 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { filename, contentType, body } = await exportChecklistDocx(contextOf(request, deps), request.params.id);
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="${filename}"`)
        // Confidential content: not kept by shared caches or the browser's disk cache.
        .header('cache-control', 'private, no-store')
        // Bytes are sent as they are; the schemas above describe only the problem responses.
        .send(body as never);
    },
  );
}
