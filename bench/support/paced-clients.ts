/**
 * Clients who read between clicks: each has its own keep-alive connection, sends a request,
 * waits for the answer, then "thinks" for a random time (exponential, mean 1 / rate) before
 * the next. Unlike autocannon's overallRate, which releases each second's requests together
 * at the top of the second, arrivals spread over time the way independent people's do, so the
 * latencies measure the server rather than bursts made by the load generator.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** What the mix gives for the next request (autocannon's setupRequest shape). */
export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedOptions {
  base: string;
  clients: number;
  /** 1 / the mean think time: each client sends a little less, as answers take time too. */
  ratePerClient: number;
  durationS: number;
  timeoutMs: number;
  /** Seeded [0, 1) source, so two runs draw the same think times. */
  random: () => number;
  setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => PacedRequest;
  /** Called with the status and body, or with no status when the request failed or timed out. */
  onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface PacedResult {
  requests: number;
  reqPerSec: number;
  /** Connection failures and requests without an answer within the timeout. */
  socketErrors: number;
  timeouts: number;
}

/** Exponentially distributed think time in ms, mean 1000 / rate. */
export function thinkTimeMs(rate: number, u: number): number {
  return (-Math.log(1 - Math.min(u, 0.999_999)) / rate) * 1_000;
}

function send(agent: http.Agent, base: URL, request: PacedRequest, timeoutMs: number): Promise<{ status: number; body: string } | 'timeout' | 'error'> {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve('error'));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', () => resolve('error'));
    req.end(request.body === undefined || request.body === '' ? undefined : request.body);
  });
}

export async function runPacedClients(options: PacedOptions): Promise<PacedResult> {
  const base = new URL(options.base);
  const endAt = performance.now() + options.durationS * 1_000;
  const result: PacedResult = { requests: 0, reqPerSec: 0, socketErrors: 0, timeouts: 0 };
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  const client = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A random first wait spreads the clients' starts over one think time.
      await pause(options.random() * (1_000 / options.ratePerClient));
      while (performance.now() < endAt) {
        const context: Record<string, unknown> = {};
        const answer = await send(agent, base, options.setupRequest({}, context), options.timeoutMs);
        result.requests += 1;
        if (answer === 'timeout' || answer === 'error') {
          if (answer === 'timeout') result.timeouts += 1;
          result.socketErrors += 1;
          options.onResponse(undefined as unknown as number, '', context);
        } else options.onResponse(answer.status, answer.body, context);
        const wait = Math.min(thinkTimeMs(options.ratePerClient, options.random()), endAt - performance.now());
        if (wait > 0) await pause(wait);
      }
    } finally {
      agent.destroy();
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  result.reqPerSec = result.requests / ((performance.now() - started) / 1_000);
  return result;
}
