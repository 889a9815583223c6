/**
 * @module logger
 * Structured JSON logs (pino). Categories are a closed set so log queries stay simple.
 * Never log passwords, tokens or document contents.
 */
import { pino, type Logger } from 'pino';

export type LogCategory = 'http' | 'db' | 'auth' | 'audit' | 'cli' | 'lots' | 'mail';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'openirm' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], remove: true },
  });
}

export type { Logger };
