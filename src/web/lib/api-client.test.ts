import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../testing/mock-api.ts';
import { ApiError, apiRequest, setCsrfToken } from './api-client.ts';

afterEach(() => setCsrfToken(null));

describe('apiRequest', () => {
  it('sends the CSRF token on writes only', async () => {
    const api = mockApi({ 'GET /api/x': { body: { ok: true } }, 'POST /api/x': { status: 204 } });
    setCsrfToken('token-1');
    await apiRequest('/api/x');
    await apiRequest('/api/x', { method: 'POST', body: { a: 1 } });
    expect(api.requests[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(api.requests[1]?.headers['x-csrf-token']).toBe('token-1');
    expect(api.requests[1]?.body).toEqual({ a: 1 });
  });

  it('turns a problem response into an ApiError with its detail, code and field errors', async () => {
    mockApi({ 'PUT /api/y': problem(422, 'cohort.invalid', 'Not valid.', [{ path: 'body', message: 'AUT twice.' }]) });
    const error = await apiRequest('/api/y', { method: 'PUT', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).code).toBe('cohort.invalid');
    expect((error as ApiError).message).toBe('Not valid.');
    expect((error as ApiError).problem.errors).toEqual([{ path: 'body', message: 'AUT twice.' }]);
  });

  it('refreshes a stale CSRF token once and retries the write', async () => {
    const api = mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'token-2', abilities: {} } },
      'POST /api/z': (req) => (req.headers['x-csrf-token'] === 'token-2' ? { body: { done: true } } : problem(403, 'auth.csrf', 'Missing or wrong CSRF token.')),
    });
    setCsrfToken('token-1');
    await expect(apiRequest('/api/z', { method: 'POST', body: {} })).resolves.toEqual({ done: true });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/z', 'GET /api/session', 'POST /api/z']);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiRequest('/api/x').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).code).toBe('network.unreachable');
  });
});
