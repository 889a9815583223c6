/**
 * A small in-memory stand-in for the HTTP API: tests declare answers per "METHOD /path"
 * and read back the requests that were made (with their bodies and CSRF headers).
 */
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: unknown;
}

export type MockAnswer = { status?: number; body?: unknown; contentType?: string };
export type MockHandler = MockAnswer | ((request: RecordedRequest) => MockAnswer);

export interface MockApi {
  requests: RecordedRequest[];
  on: (route: string, handler: MockHandler) => void;
}

export function problem(status: number, code: string, detail: string, errors?: { path: string; message: string }[]): MockAnswer {
  return {
    status,
    contentType: 'application/problem+json',
    body: { type: 'about:blank', title: 'Error', status, code, detail, ...(errors ? { errors } : {}) },
  };
}

export function mockApi(routes: Record<string, MockHandler> = {}): MockApi {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: RecordedRequest = { method, path: url.pathname, search: url.search, headers, body };
    requests.push(request);
    const handler = table.get(`${method} ${url.pathname}`);
    if (!handler) {
      return new Response(JSON.stringify({ title: 'Not Found', status: 404, detail: `No mock for ${method} ${url.pathname}` }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const answer = typeof handler === 'function' ? handler(request) : handler;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'content-type': answer.contentType ?? 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, on: (route, handler) => table.set(route, handler) };
}
