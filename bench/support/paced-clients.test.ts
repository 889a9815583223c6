import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seeded-random.ts';
import { runPacedClients, thinkTimeMs } from './paced-clients.ts';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers after `delayMs`, or never for paths starting with /hang; it counts connections. */
async function serve(delayMs: number): Promise<{ base: string; connections: () => number; arrivals: number[] }> {
  let connections = 0;
  const arrivals: number[] = [];
  server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    if (req.url?.startsWith('/hang')) return;
    setTimeout(() => res.end(JSON.stringify({ path: req.url, method: req.method })), delayMs);
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, arrivals };
}

describe('paced load clients', () => {
  it('draws think times with the asked mean', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 20_000 }, () => thinkTimeMs(2, random()));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(470);
    expect(mean).toBeLessThan(530);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
  });

  it('sends at about the asked rate, one keep-alive connection per client, and hands every answer to the mix', async () => {
    const { base, connections, arrivals } = await serve(5);
    const seen: { status: number; body: string; kind: unknown }[] = [];
    const result = await runPacedClients({
      base,
      clients: 10,
      ratePerClient: 10,
      durationS: 2,
      timeoutMs: 1_000,
      random: seededRandom(7),
      setupRequest: (request, context) => {
        context.kind = 'probe';
        return { ...request, method: 'PUT', path: '/answer', headers: { 'content-type': 'application/json' }, body: '{"x":1}' };
      },
      onResponse: (status, body, context) => seen.push({ status, body, kind: context.kind }),
    });
    // 10 clients × 10/s × 2 s = 200 at most; answers and timers take a little of each second.
    expect(result.requests).toBeGreaterThan(120);
    expect(result.requests).toBeLessThanOrEqual(230);
    expect(result.socketErrors).toBe(0);
    expect(seen).toHaveLength(result.requests);
    expect(seen[0]).toEqual({ status: 200, body: '{"path":"/answer","method":"PUT"}', kind: 'probe' });
    expect(connections()).toBe(10);
    // Spread, not bursts: no 100-ms window holds more than half of one second's requests.
    const perWindow = new Map<number, number>();
    for (const t of arrivals) perWindow.set(Math.floor(t / 100), (perWindow.get(Math.floor(t / 100)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThan(result.requests / 2 / 2);
  });

  it('counts a request without an answer within the timeout, and tells the mix with no status', async () => {
    const { base } = await serve(0);
    const statuses: unknown[] = [];
    const result = await runPacedClients({
      base,
      clients: 2,
      ratePerClient: 50,
      durationS: 1,
      timeoutMs: 200,
      random: seededRandom(3),
      setupRequest: (request) => ({ ...request, method: 'GET', path: '/hang', headers: {} }),
      onResponse: (status) => statuses.push(status),
    });
    expect(result.timeouts).toBeGreaterThan(0);
    expect(result.socketErrors).toBe(result.timeouts);
    expect(statuses.every((s) => s === undefined)).toBe(true);
    expect(statuses).toHaveLength(result.requests);
  });
});
