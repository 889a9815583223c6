/**
 * Server time of each HTTP response: from the moment Node hands the parsed request to the
 * server until the last byte of the response is handed back to the socket. This is what
 * the issues' "server time" targets mean; the client's view adds its own queueing and
 * parsing, which on a 2-core machine shared with the load generator can dominate.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './table.ts';

export interface ServerTimes {
  count: number;
  p50: number;
  p99: number;
}

export class ServerTiming {
  private times: number[] = [];

  /** Listens on `server` before its own request handler, so the clock starts first. */
  constructor(server: Server) {
    server.prependListener('request', (_request, response) => {
      const started = performance.now();
      response.once('finish', () => this.times.push(performance.now() - started));
    });
  }

  /** The times since the last call (or since the start), summarised; then forgets them. */
  take(): ServerTimes {
    const sorted = this.times.sort((a, b) => a - b);
    this.times = [];
    return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
}
