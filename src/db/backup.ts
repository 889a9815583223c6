/**
 * @module backup
 * A logical backup: every table's rows as JSON, in foreign-key order, with the schema
 * version. Logical rather than a file copy so a backup taken on the embedded engine
 * restores onto a PostgreSQL server and the other way round.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '../domain/errors.ts';
import type { Db, DbOrTx } from './client.ts';
import { queryRows as rows } from './query-rows.ts';

/** Tables in the order they can be inserted (parents first). */
export const BACKUP_TABLES = [
  'mechanisms',
  'chapters',
  'articles',
  'provisions',
  'parties',
  'accessions',
  'cycles',
  'cohorts',
  'cohort_members',
  'users',
  'user_recovery_codes',
  'draws',
  'draw_exclusions',
  'reviewer_assignments',
  'redraw_requests',
  'reviews',
  'review_milestones',
  'review_pauses',
  'review_extensions',
  'review_milestone_withdrawals',
  'checklist_answers',
  'checklist_answer_versions',
  'checklist_submissions',
  'attachments',
  'review_threads',
  'thread_messages',
  'dialogues',
  'dialogue_participants',
  'dialogue_sessions',
  'reports',
  'report_section_versions',
  'report_recommendations',
  'report_good_practices',
  'report_needs',
  'report_comments',
  'executive_summaries',
  'summary_language_versions',
  'publication_consents',
  'publications',
  'subscriptions',
  'subscription_unsubscribe_tokens',
  'notifications',
  'governing_bodies',
  'body_sessions',
  'body_session_bodies',
  'session_meetings',
  'session_documents',
  'session_document_files',
  'session_agenda_items',
  'session_reports',
  'session_report_versions',
  'session_report_objections',
  'session_delegations',
  'session_registrations',
  'finance_contributions',
  'finance_receipts',
  'finance_expenditures',
  'finance_requirements',
  'finance_posts',
  'finance_rates',
  'finance_settings',
  'assistance_needs',
  'assistance_corrections',
  'follow_up_rounds',
  'follow_up_evidence_files',
  'follow_up_self_reports',
  'follow_up_assessments',
  'follow_up_actions',
  'follow_up_action_progress',
  'ta_projects',
  'ta_project_needs',
  'ta_need_recommendations',
  'ta_allocations',
  'ta_expenditures',
  'audit_events',
  'system_settings',
] as const;

/**
 * Live sign-ins are deliberately not carried over: a restored system starts signed out.
 * published_search_items and the need_ tables are derived: triggers rebuild them as the
 * publications, and the reports and needs, are restored.
 */
export const TABLES_NOT_BACKED_UP = ['sessions', 'published_search_items', 'need_cells', 'need_totals', 'need_states'] as const;

/** Sequences behind serial columns, reset after a restore so new rows do not collide. */
const SERIAL_COLUMNS: Record<string, string> = { audit_events: 'id' };

export interface BackupFile {
  format: 'openirm-backup';
  formatVersion: 1;
  createdAt: string;
  /** Number of migrations applied when the backup was taken. */
  schemaVersion: number;
  tables: Record<string, unknown[]>;
  /**
   * Rows and a checksum per table, checked by restore before anything is written, so a
   * damaged or edited file is refused whole. Optional: older backups have none.
   */
  manifest?: Record<string, { rows: number; sha256: string }>;
}

/** sha256 of a table's rows as the backup serialises them (JSON, in the backup's order). */
export function tableChecksum(data: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

function manifestOf(tables: Record<string, unknown[]>): NonNullable<BackupFile['manifest']> {
  return Object.fromEntries(Object.entries(tables).map(([table, data]) => [table, { rows: data.length, sha256: tableChecksum(data) }]));
}

function checkManifest(file: BackupFile): void {
  if (file.manifest === undefined) return;
  for (const table of BACKUP_TABLES) {
    const expected = file.manifest?.[table];
    const data = file.tables[table]!;
    if (!expected) throw new DomainError('backup.invalid', `The backup is damaged: its manifest does not list table ${table}. Nothing was restored.`);
    if (expected.rows !== data.length) {
      throw new DomainError('backup.invalid', `The backup is damaged: table ${table} holds ${data.length} rows where its manifest says ${expected.rows}. Nothing was restored.`);
    }
    if (expected.sha256 !== tableChecksum(data)) {
      throw new DomainError('backup.invalid', `The backup is damaged: the rows of table ${table} do not match their checksum. Nothing was restored.`);
    }
  }
}


export async function schemaVersion(db: DbOrTx): Promise<number> {
  const result = await rows<{ count: number | string }>(db, sql`select count(*) as count from drizzle.__drizzle_migrations`);
  return Number(result[0]?.count ?? 0);
}

/** Every user table in the public schema, to check nothing is left out of backups. */
export async function listPublicTables(db: Db): Promise<string[]> {
  const result = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.map((r) => r.table_name);
}

export async function createBackup(db: Db, now: Date): Promise<BackupFile> {
  return db.transaction(async (tx) => {
    // One snapshot for all tables, so the backup is consistent while the server runs.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const tables: Record<string, unknown[]> = {};
    for (const table of BACKUP_TABLES) {
      const result = await rows<{ data: unknown[] | string }>(
        tx,
        sql`select coalesce(json_agg(row_to_json(t) order by t), '[]'::json) as data from ${sql.identifier(table)} t`,
      );
      const data = result[0]?.data ?? [];
      tables[table] = typeof data === 'string' ? (JSON.parse(data) as unknown[]) : data;
    }
    return {
      format: 'openirm-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      schemaVersion: await schemaVersion(tx),
      tables,
      manifest: manifestOf(tables),
    };
  });
}

function checkBackupShape(value: unknown): BackupFile {
  const file = value as Partial<BackupFile>;
  if (file?.format !== 'openirm-backup' || file.formatVersion !== 1 || typeof file.tables !== 'object' || file.tables === null) {
    throw new DomainError('backup.invalid', 'This is not an Open IRM backup file.');
  }
  for (const table of BACKUP_TABLES) {
    if (!Array.isArray(file.tables[table])) throw new DomainError('backup.invalid', `The backup has no table ${table}.`);
  }
  return file as BackupFile;
}

/** Restores into a migrated, empty database, all in one transaction. */
export async function restoreBackup(db: Db, value: unknown): Promise<Record<string, number>> {
  const file = checkBackupShape(value);
  checkManifest(file);
  const current = await schemaVersion(db);
  if (file.schemaVersion > current) {
    throw new DomainError('backup.invalid', `The backup comes from a newer version (schema ${file.schemaVersion}; this one has ${current}). Upgrade Open IRM first.`);
  }
  if (file.schemaVersion < current) {
    throw new DomainError('backup.invalid', `The backup comes from an older schema (${file.schemaVersion}; this one has ${current}). Restore it with the matching version, then upgrade.`);
  }
  return db.transaction(async (tx) => {
    for (const table of BACKUP_TABLES) {
      const existing = await rows<{ n: number | string }>(tx, sql`select count(*) as n from ${sql.identifier(table)}`);
      if (Number(existing[0]?.n ?? 0) > 0) {
        throw new DomainError('backup.invalid', `The target database is not empty (table ${table} has rows). Restore into an empty data folder or database.`);
      }
    }
    const counts: Record<string, number> = {};
    for (const table of BACKUP_TABLES) {
      const data = file.tables[table]!;
      counts[table] = data.length;
      if (data.length === 0) continue;
      // json_populate_recordset converts each JSON value to the column's own type,
      // so dates, timestamps and jsonb survive the round trip on both engines.
      await tx.execute(
        sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(data)}::json)`,
      );
      const serial = SERIAL_COLUMNS[table];
      if (serial) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${table}, ${serial}), (select max(${sql.identifier(serial)}) from ${sql.identifier(table)}))`,
        );
      }
    }
    return counts;
  });
}
