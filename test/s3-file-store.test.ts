/**
 * The S3-compatible file store against a real S3 API server (s3rver, which checks AWS
 * Signature V4 like S3 does), and an attachment uploaded through the app into it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments } from '../src/db/schema/attachments.ts';
import { S3FileStore, type S3Settings } from '../src/server/files/s3-file-store.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { buildTestApp, json, sessionFor } from './server.ts';

let server: S3rver;
let directory: string;
let settings: S3Settings;

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'openirm-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'openirm-files', configs: [] }] });
  const { port } = await server.run();
  // s3rver's built-in account.
  settings = { endpoint: `http://127.0.0.1:${port}`, bucket: 'openirm-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('S3 file store', () => {
  it('stores and reads back bytes with signed requests', async () => {
    const store = new S3FileStore(settings);
    const bytes = Buffer.from('%PDF-1.4\nsome law\n%%EOF\n');
    await store.put('2026/0b0c8f6e-1d57-4c0e-9a53-2f1f3c1d9a11', bytes, 'application/pdf');
    expect((await store.get('2026/0b0c8f6e-1d57-4c0e-9a53-2f1f3c1d9a11')).equals(bytes)).toBe(true);
    await expect(store.get('2026/missing')).rejects.toThrow(/HTTP 404/);
  });

  // s3rver checks the access key but not the V4 signature itself; the signing is aws4fetch's,
  // which real S3 stores accept.
  it('reports a refusal by the store', async () => {
    const store = new S3FileStore({ ...settings, accessKeyId: 'UNKNOWN' });
    await expect(store.put('2026/x', Buffer.from('x'), 'text/plain')).rejects.toThrow(/HTTP 403/);
  });

  it('holds the attachments of the app when FILE_STORE=s3', async () => {
    const testDb: TestDatabase = await createTestDatabase();
    const app = await buildTestApp(testDb.database, {
      FILE_STORE: 's3',
      S3_ENDPOINT: settings.endpoint,
      S3_BUCKET: settings.bucket,
      S3_ACCESS_KEY_ID: settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    });
    try {
      const secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
      const created = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: 'AUT', cycle: 2, cohortYear: 1, reviewers: ['DEU', 'KEN'] } });
      const reviewId = json<{ review: { id: string } }>(created).review.id;
      const form = new FormData();
      const bytes = Buffer.from('year,cases\n2021,12\n');
      form.append('file', new Blob([bytes]), 'cases.csv');
      const uploaded = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/5.1/attachments`, headers: secretariat.headers, payload: form });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const { id } = json<{ attachment: { id: string } }>(uploaded).attachment;
      const download = await app.inject({ url: `/api/reviews/${reviewId}/attachments/${id}`, headers: secretariat.headers });
      expect(download.rawPayload.equals(bytes)).toBe(true);
      // The bytes really are in the bucket, under the key the database holds.
      const [row] = await testDb.database.db.select().from(attachments).where(eq(attachments.id, id));
      expect((await new S3FileStore(settings).get(row!.storageKey)).equals(bytes)).toBe(true);
    } finally {
      await app.close();
      await testDb.dispose();
    }
  });
});
