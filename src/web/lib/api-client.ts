/**
 * The one HTTP client of the web app. It speaks JSON to the same-origin API, sends the
 * CSRF token on every state-changing request and turns RFC 9457 problem responses into
 * ApiError. It never shows anything itself: the component that made the request shows
 * the error (STYLE.md §11).
 */

export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: ProblemFieldError[];
  /** On a version conflict of a checklist answer: the answer as stored now. */
  current?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/*
 * The token comes from the latest GET /api/session or login response. It is kept here,
 * not in React state, because every mutation needs it and none of them should re-render
 * when it changes.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Lets the request outlive the page (a save started while the tab is closing). */
  keepalive?: boolean;
}

const STATE_CHANGING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // The token can change under us (a sign-in in another tab rotates the session). Fetch
    // the current one and try once more; a second refusal is shown to the user.
    if (error instanceof ApiError && error.code === 'auth.csrf' && (options.method ?? 'GET') !== 'GET') {
      const session = await send<{ csrfToken: string | null }>('/api/session', { signal: options.signal });
      setCsrfToken(session.csrfToken);
      return send<T>(path, options);
    }
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // A FormData body (a file upload) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ title: 'Network error', status: 0, code: 'network.unreachable' });
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(toProblem(response, body));
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toProblem(response: Response, body: unknown): Problem {
  if (body && typeof body === 'object' && 'title' in body) {
    const p = body as Partial<Problem>;
    return {
      type: p.type,
      title: String(p.title),
      status: typeof p.status === 'number' ? p.status : response.status,
      detail: typeof p.detail === 'string' ? p.detail : undefined,
      code: typeof p.code === 'string' ? p.code : undefined,
      errors: Array.isArray(p.errors) ? p.errors : undefined,
      ...('current' in p ? { current: p.current } : {}),
    };
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}
