/**
 * @module errors plugin
 * One place turns every error into RFC 9457 problem+json. Known codes map to a status
 * through a table the compiler checks; anything else is a 500 with no stack trace,
 * logged once with the request id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import { isLotsError } from '../../domain/lots/errors.ts';
import { authorize } from '../../policies/policy.ts';

export const STATUS_OF = {
  'request.invalid': 400,
  'attachment.tooLarge': 413,
  'attachment.forbiddenType': 415,
  'request.tooLarge': 413,
  'request.unsupportedMediaType': 415,
  'request.rateLimited': 429,
  'resource.notFound': 404,
  'auth.required': 401,
  'auth.invalidCredentials': 401,
  'auth.csrf': 403,
  'policy.denied': 403,
  'record.versionConflict': 409,
  'record.duplicate': 409,
  'party.unknown': 404,
  'party.invalidAccession': 422,
  'cycle.unknown': 404,
  'cohort.invalid': 422,
  'user.invalid': 422,
  'user.notFound': 404,
  'password.weak': 422,
  'backup.invalid': 422,
  'lots.infeasible': 422,
  'lots.invalidInput': 422,
  'lots.redrawLimit': 422,
  'lots.commitmentMismatch': 422,
  'lots.recordInvalid': 422,
  'draw.notFound': 404,
  'draw.invalidState': 409,
  'review.invalidTransition': 422,
  'review.invalidDate': 422,
  'review.notFound': 404,
  'import.invalid': 422,
  'dialogue.invalid': 422,
  'dialogue.notScheduled': 422,
  'report.invalidState': 409,
  'session.invalid': 422,
  'session.invalidState': 409,
  'finance.invalid': 422,
  'finance.noRate': 422,
  'followUp.invalid': 422,
  'followUp.invalidState': 409,
  'ta.invalid': 422,
  'ta.invalidState': 409,
  'stats.invalidAsOf': 422,
  'mail.unavailable': 503,
  'database.unavailable': 503,
  'storage.full': 507,
  'storage.unavailable': 503,
  internal: 500,
} satisfies Record<ErrorCode, number>;

const TITLES: Partial<Record<ErrorCode, string>> = {
  'request.invalid': 'The request is not valid',
  'request.tooLarge': 'The request body is too large',
  'resource.notFound': 'Not found',
  'auth.required': 'Sign-in required',
  'policy.denied': 'Not allowed',
  'report.invalidState': 'Not possible at this step of the report',
  'database.unavailable': 'Database unavailable',
  'storage.full': 'No space left to store the file',
  'storage.unavailable': 'Files cannot be stored at the moment',
  internal: 'Something went wrong on our side',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { path: string; message: string }[];
  /** For 'lots.infeasible': the rule that cannot be met and the States that make it so. */
  rule?: string;
  states?: string[];
  /** For 'record.versionConflict' where it helps: the stored version, to merge with. */
  current?: unknown;
}

export function problem(code: ErrorCode, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return {
    type: `urn:openirm:problem:${code}`,
    title: TITLES[code] ?? code,
    status: STATUS_OF[code],
    detail,
    code,
    ...extra,
  };
}

/** Seconds a client should wait before retrying a problem that is expected to pass by itself. */
const RETRY_AFTER_SECONDS: Partial<Record<ErrorCode, number>> = { 'database.unavailable': 5, 'storage.unavailable': 30 };

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  const retryAfter = RETRY_AFTER_SECONDS[body.code];
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Fastify's own errors (parsing, limits, content types) mapped by their stable codes. */
function fromFastifyError(error: FastifyError): ProblemBody | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('request.tooLarge', 'The request body is larger than the server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('request.unsupportedMediaType', 'Send the body as application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('request.invalid', 'The request body is not valid JSON.');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return problem('request.rateLimited', 'Too many requests. Wait a minute and try again.');
    default:
      break;
  }
  if (error.statusCode === 429) return problem('request.rateLimited', 'Too many requests. Wait a minute and try again.');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...problem('request.invalid', error.message), status: error.statusCode };
  }
  return undefined;
}

/**
 * Errors Fastify raises in its router, before any hook or the error handler runs: a URL with
 * broken percent-encoding (FST_ERR_BAD_URL: /api/reviews/%ZZ) would otherwise get Fastify's
 * own JSON instead of a problem. Passed as the frameworkErrors server option.
 */
export function sendFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body =
    error.code === 'FST_ERR_BAD_URL'
      ? problem('request.invalid', 'The URL is not valid: it holds a broken percent-encoding.')
      : (fromFastifyError(error) ?? problem('request.invalid', 'The request is not valid.'));
  sendProblem(reply, body);
}

/**
 * busboy (under @fastify/multipart) rejects a cut-off or boundary-less upload with a plain
 * Error, no code or status; it is the client's broken body, not a fault of ours.
 */
function isMalformedMultipart(error: Error): boolean {
  return /unexpected end of multipart data|^Multipart: Boundary not found$/i.test(error.message);
}

/**
 * Socket errors, PostgreSQL's admin_shutdown / crash_shutdown / cannot_connect_now (57P0x),
 * too_many_connections (53300) and every connection_exception (class 08).
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);

/** Connection loss anywhere in the cause chain (Drizzle wraps driver errors); pool timeouts included. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.code === 'string' && (UNAVAILABLE_CODES.has(current.code) || /^08[0-9A-Z]{3}$/.test(current.code))) return true;
    if (typeof current.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|canceling statement due to statement timeout/i.test(current.message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * An unknown review answers as a review the caller has no part in would: were it 404 while
 * a real one is 403, a refused caller could tell which reviews exist (docs/SECURITY.md,
 * test/access/review-relationships.test.ts). Callers the route allows without a relation
 * (the secretariat, public reads) still get 404.
 */
function asUnrelatedReview(error: DomainError, request: FastifyRequest): DomainError {
  const action = request.routeOptions.config.action;
  if (error.code !== 'review.notFound' || !action || !request.actor) return error;
  try {
    authorize(request.actor, action, { relation: 'none' });
    return error;
  } catch (refusal) {
    return refusal instanceof DomainError ? refusal : error;
  }
}

function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  const errors = Array.isArray(error.details?.problems)
    ? (error.details.problems as string[]).map((message) => ({ path: 'body', message }))
    : undefined;
  const current = error.details && 'current' in error.details ? { current: error.details.current } : {};
  return sendProblem(reply, problem(error.code, error.message, { ...(errors ? { errors } : {}), ...current }));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, problem('request.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }));
    }
    if (error instanceof DomainError) return sendDomainError(reply, asUnrelatedReview(error, request));
    if (isLotsError(error)) {
      const states = Array.isArray(error.details?.states) ? (error.details.states as string[]) : undefined;
      const rule = typeof error.details?.rule === 'string' ? error.details.rule : undefined;
      return sendProblem(
        reply,
        problem(error.code, error.message, states ? { rule, states, errors: [{ path: rule ?? 'draw', message: states.join(', ') }] } : {}),
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, category: 'http' }, 'response did not match its schema');
      return sendProblem(reply, problem('internal', `Reference ${request.id}.`));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error, category: 'db' }, 'database unavailable');
      return sendProblem(reply, problem('database.unavailable', 'The database cannot be reached at the moment. Try again shortly.'));
    }
    const mapped = fromFastifyError(error);
    if (mapped) return sendProblem(reply, mapped);
    if (isMalformedMultipart(error)) return sendProblem(reply, problem('request.invalid', 'The multipart/form-data body is cut off or malformed.'));
    request.log.error({ err: error, category: 'http' }, 'unhandled error');
    return sendProblem(reply, problem('internal', `An unexpected error occurred. Reference ${request.id}.`));
  });
}
