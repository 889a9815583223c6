/**
 * Notifications: each user's own (newest first, with the unread count) and the e-mail
 * outbox of the secretariat.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../domain/notifications/messages.ts';
import { listMyNotifications, listOutbox, markAllRead, markRead } from '../use-cases/notifications.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'outbox'] as const;

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe(`One of ${NOTIFICATION_KINDS.join(', ')}`),
  subject: z.string(),
  body: z.string(),
  link: z.string().describe('Path in the web app'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const outboxEmailSchema = z.object({
  id: z.string(),
  email: z.string(),
  recipientName: z.string(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string(),
  status: z.enum(EMAIL_STATUSES),
  error: z.string().nullable(),
  createdAt: z.string(),
  emailedAt: z.string().nullable().describe('Sent, moved to the outbox, or last attempt when failed'),
});

export function registerNotificationRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/notifications',
    {
      config: { action: 'notifications.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, and how many are unread',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ unread: z.number(), notifications: z.array(notificationSchema) }), 401: problemSchema },
      },
    },
    async (request) => listMyNotifications(contextOf(request, deps), { limit: request.query.limit }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { action: 'notifications.markRead' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read (another user’s answers 404)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await markRead(contextOf(request, deps), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { action: 'notifications.markRead' },
      schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: z.object({ marked: z.number() }), 401: problemSchema } },
    },
    async (request) => ({ marked: await markAllRead(contextOf(request, deps)) }),
  );

  app.get(
    '/api/outbox',
    {
      config: { action: 'outbox.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Every notification e-mail with its recipient and delivery status (without SMTP_URL none is sent)',
        querystring: z.object({ status: z.enum(EMAIL_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }),
        response: {
          200: z.object({
            isSmtpConfigured: z.boolean(),
            counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number(), outbox: z.number() }),
            emails: z.array(outboxEmailSchema),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => listOutbox(contextOf(request, deps), { status: request.query.status, limit: request.query.limit, isSmtpConfigured: Boolean(deps.config.SMTP_URL) }),
  );
}
