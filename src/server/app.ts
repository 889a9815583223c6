/**
 * @module app
 * buildApp(deps) assembles the Fastify instance without listening, so tests inject
 * requests into it directly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Action } from '../policies/actions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import './fastify-types.ts';
import { problem, registerErrorHandling, sendFrameworkError, sendProblem } from './plugins/errors.ts';
import { registerWellFormedText } from './plugins/well-formed-text.ts';
import { registerSession } from './plugins/session.ts';
import { ResponseCache } from './response-cache.ts';
import { createFileStore, type FileStore } from './files/file-store.ts';
import { registerAttachmentRoutes } from './routes/attachments.ts';
import { registerChecklistVersionRoutes } from './routes/checklist-versions.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerFinanceRoutes } from './routes/finance.ts';
import { registerFollowUpRoutes } from './routes/follow-up.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerOidcRoutes } from './routes/auth-oidc.ts';
import { registerConventionRoutes } from './routes/convention.ts';
import { registerCycleRoutes } from './routes/cycles.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerLotsRoutes } from './routes/lots.ts';
import { registerReviewRoutes } from './routes/reviews.ts';
import { registerChecklistRoutes, registerDeskReviewRoutes, registerInboxRoutes } from './routes/checklist.ts';
import { registerChecklistExportRoutes } from './routes/checklist-export.ts';
import { registerDialogueRoutes } from './routes/dialogue.ts';
import { registerReportRoutes } from './routes/report.ts';
import { registerAssistanceRoutes } from './routes/assistance.ts';
import { registerSessionRoutes } from './routes/sessions.ts';
import { registerSessionAttendanceRoutes } from './routes/session-attendance.ts';
import { registerOpenDataRoutes } from './routes/open-data.ts';
import { registerTaProjectRoutes } from './routes/ta-projects.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerThematicRoutes } from './routes/thematic.ts';
import { registerPublicationRoutes } from './routes/publications-public.ts';
import { registerNotificationRoutes } from './routes/notifications.ts';
import { registerPartyRoutes } from './routes/parties.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerSubscriptionRoutes } from './routes/subscriptions.ts';
import { registerReviewWithdrawalRoutes } from './routes/review-withdrawals.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import type { App, RouteDeps } from './routes/route-context.ts';
import { registerUserRoutes } from './routes/users.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppDeps {
  config: Config;
  database: Database;
  logger?: Logger | false;
  version?: string;
  /** Where attachment bytes go; by default from the configuration. */
  files?: FileStore;
  /** Where the built web app lives; tests point this elsewhere or to a missing folder. */
  webDist?: string;
}

/** Routes registered by plugins (docs, static files) get their action from this table. */
function pluginRouteAction(url: string): Action | undefined {
  if (url === '/api/openapi.json' || url.startsWith('/api/docs')) return 'api.docs';
  if (!url.startsWith('/api')) return 'web.read';
  return undefined;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  action: Action;
  /** The validation schemas (zod) the route declares, so tests can generate inputs shaped like them. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
}

export async function buildApp(deps: AppDeps): Promise<App & { registeredRoutes: RegisteredRoute[] }> {
  const { config } = deps;
  const options: FastifyServerOptions = {
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    frameworkErrors: sendFrameworkError,
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
  };
  const app = Fastify(options).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    const config = route.config as { action?: Action };
    config.action ??= pluginRouteAction(route.url);
    if (!config.action) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy action`);
    for (const method of [route.method].flat()) registeredRoutes.push({ method, url: route.url, action: config.action, schema: route.schema });
  });

  registerErrorHandling(app);
  registerWellFormedText(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Sent below only over HTTPS: over plain HTTP it means nothing and can lock out a
    // test deployment.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Uploads: one file per request, up to ATTACHMENT_MAX_BYTES; no other form fields.
  await app.register(multipart, { limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 } });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Open IRM API',
        version: deps.version ?? '0.0.0',
        description: 'Errors are RFC 9457 problem+json. State-changing requests need the x-csrf-token header from GET /api/session.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { url: '/api/openapi.json' } });

  const routeDeps: RouteDeps = {
    database: deps.database,
    config,
    version: deps.version ?? '0.0.0',
    // Other server processes see a review change within this many milliseconds.
    // Also holds the public schedule, feeds and one profile per State (routes/public.ts).
    trackerCache: new ResponseCache(5_000, 1_024),
    files: deps.files ?? createFileStore(config),
    auth: { sessionTtlHours: config.SESSION_TTL_HOURS, sessionMaxHours: config.SESSION_MAX_HOURS, mfaRequiredRoles: config.MFA_REQUIRED_ROLES, maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
  };
  registerSession(app, { db: deps.database.db, auth: routeDeps.auth });

  app.get('/api/openapi.json', { config: { action: 'api.docs' }, schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, routeDeps);
  registerAuthRoutes(app, routeDeps);
  registerOidcRoutes(app, routeDeps);
  registerPartyRoutes(app, routeDeps);
  registerConventionRoutes(app, routeDeps);
  registerCycleRoutes(app, routeDeps);
  registerUserRoutes(app, routeDeps);
  registerAuditRoutes(app, routeDeps);
  registerFinanceRoutes(app, routeDeps);
  registerFollowUpRoutes(app, routeDeps);
  registerLotsRoutes(app, routeDeps);
  registerReviewRoutes(app, routeDeps);
  registerReviewWithdrawalRoutes(app, routeDeps);
  registerStatsRoutes(app, routeDeps);
  registerPublicRoutes(app, routeDeps);
  registerSubscriptionRoutes(app, routeDeps);
  registerChecklistRoutes(app, routeDeps);
  registerChecklistExportRoutes(app, routeDeps);
  registerDeskReviewRoutes(app, routeDeps);
  registerInboxRoutes(app, routeDeps);
  registerNotificationRoutes(app, routeDeps);
  registerAttachmentRoutes(app, routeDeps);
  registerChecklistVersionRoutes(app, routeDeps);
  registerDialogueRoutes(app, routeDeps);
  registerReportRoutes(app, routeDeps);
  registerAssistanceRoutes(app, routeDeps);
  registerSessionRoutes(app, routeDeps);
  registerSessionAttendanceRoutes(app, routeDeps);
  registerPublicationRoutes(app, routeDeps);
  registerSearchRoutes(app, routeDeps);
  registerThematicRoutes(app, routeDeps);
  registerOpenDataRoutes(app, routeDeps);
  registerTaProjectRoutes(app, routeDeps);

  const webDist = deps.webDist ?? WEB_DIST;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Routes for the files present at start: a rebuilt web app needs a restart, as any release does.
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        // Vite puts a content hash in every asset name, so assets never change in place.
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !['GET', 'HEAD'].includes(request.method)) {
      return sendProblem(reply, problem('resource.notFound', `No route ${request.method} ${request.url.split('?')[0]}.`));
    }
    if (!hasWeb) {
      return sendProblem(reply, problem('resource.notFound', 'The web app is not built. Run `npm run build`.'));
    }
    // Client-side routes (/parties, /convention …) all load the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return Object.assign(app, { registeredRoutes });
}
