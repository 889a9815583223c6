/**
 * @module config
 * The one place that reads the environment. Parsed once at boot; every invalid
 * variable is reported together so an operator fixes them in one go.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from './domain/accounts/roles.ts';

const booleanish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  /** TCP port of the web app and API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 127.0.0.1 keeps a fresh install private to the machine. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder for the embedded database (pgdata/), uploads and the process lock. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… to use a PostgreSQL server; unset means the embedded engine (PGlite). */
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** PostgreSQL: milliseconds to wait for a connection before answering 503 "database unavailable". */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  /** PostgreSQL: longest a single statement may run (server-side statement_timeout), in milliseconds. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** production disables demo accounts and data whatever else is set. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Load the fictitious demo accounts and data at start (never in production). */
  OPENIRM_DEMO: booleanish.default(true),
  /** Hours a sign-in stays valid without use. */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Hours a session lives at most from sign-in, however active (idle expiry is SESSION_TTL_HOURS). */
  SESSION_MAX_HOURS: z.coerce.number().positive().max(24 * 90).default(72),
  /** Roles that must use two-factor sign-in (comma-separated), or "none". */
  MFA_REQUIRED_ROLES: z
    .string()
    .default('secretariat')
    .transform((value, ctx) => {
      const names = value.trim().toLowerCase() === 'none' ? [] : value.split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !(ROLES as readonly string[]).includes(name));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `Unknown role(s): ${unknown.join(', ')}. Use ${ROLES.join(', ')} or none.` });
      return names as Role[];
    }),
  /** Consecutive failed sign-ins before an account is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Minutes an account stays locked after too many failures. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Sign-in attempts accepted per client address per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Subscription requests (and confirmations) accepted per client address per minute. */
  SUBSCRIPTION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy terminating HTTPS). */
  TRUST_PROXY: booleanish.default(false),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /** Address of the web app as users reach it, for links in e-mails. */
  PUBLIC_URL: z.url().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset keeps e-mails in the outbox page. */
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender address of notification e-mails. */
  MAIL_FROM: z.string().min(3).default('Open IRM <no-reply@openirm.invalid>'),
  /** Largest accepted attachment, in bytes. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  /** Where attachment bytes are kept: local (DATA_DIR/files) or s3 (an S3-compatible bucket). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  /** S3-compatible store: endpoint URL (empty for AWS), bucket, region and keys. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (http://host/bucket/key), needed by most self-hosted S3-compatible stores. */
  S3_FORCE_PATH_STYLE: booleanish.default(true),
  /** OpenID Connect sign-in: the identity provider's issuer URL. Unset (with the two below) turns the feature off. */
  OIDC_ISSUER: z.url().optional(),
  /** This server's client id and secret at the identity provider (a confidential client). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends users back; default PUBLIC_URL (or the address the request came to) + /api/auth/oidc/callback. */
  OIDC_REDIRECT_URL: z.url().optional(),
  /** Text of the sign-in button, e.g. "UN Single Sign-On". */
  OIDC_LABEL: z.string().trim().min(1).max(80).default('Single sign-on'),
});

export type Config = z.infer<typeof configSchema> & {
  /** Absolute path of DATA_DIR. */
  dataDir: string;
  /** Whether demo data may be created: OPENIRM_DEMO and not production. */
  isDemoEnabled: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/**
 * Reads an optional JSON config file (CONFIG_FILE, or ./openirm.config.json when present);
 * environment variables win over the file.
 */
function readConfigFile(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const file = env.CONFIG_FILE ?? (existsSync('openirm.config.json') ? 'openirm.config.json' : undefined);
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError([`CONFIG_FILE ${file}: must hold a JSON object`]);
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([`CONFIG_FILE ${file}: ${(error as Error).message}`]);
  }
}

/**
 * OIDC needs the issuer, client id and secret together; a plain-HTTP issuer is accepted only
 * on this machine (a local test provider), since tokens would otherwise cross the network in clear.
 */
function checkOidcSettings(parsed: z.infer<typeof configSchema>): string[] {
  const set = [parsed.OIDC_ISSUER, parsed.OIDC_CLIENT_ID, parsed.OIDC_CLIENT_SECRET].filter((v) => v !== undefined).length;
  if (set === 0) return [];
  if (set < 3) return ['OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to enable OpenID Connect sign-in, or none'];
  const issuer = new URL(parsed.OIDC_ISSUER!);
  const isLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback)) return ['OIDC_ISSUER: must be an https:// URL (http:// only on localhost)'];
  return [];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, unknown> = {}): Config {
  const fromEnv = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse({ ...readConfigFile(env), ...fromEnv, ...overrides });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const parsed = result.data;
  if (parsed.FILE_STORE === 's3' && !parsed.S3_BUCKET) throw new ConfigError(['S3_BUCKET: required when FILE_STORE is s3']);
  const oidcProblems = checkOidcSettings(parsed);
  if (oidcProblems.length > 0) throw new ConfigError(oidcProblems);
  return {
    ...parsed,
    dataDir: path.resolve(parsed.DATA_DIR),
    isDemoEnabled: parsed.OPENIRM_DEMO && parsed.NODE_ENV !== 'production',
  };
}
