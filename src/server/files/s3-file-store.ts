/**
 * Attachment bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage …), over plain
 * HTTPS requests signed with AWS Signature V4 by aws4fetch — a few hundred lines instead of
 * the whole AWS SDK, and the same requests any S3-compatible store understands.
 */
import { AwsClient } from 'aws4fetch';
import { DomainError } from '../../domain/errors.ts';
import type { FileStore } from './file-store.ts';

export interface S3Settings {
  /** e.g. http://127.0.0.1:9000 for a self-hosted store; unset means AWS. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** http://host/bucket/key rather than http://bucket.host/key. */
  forcePathStyle: boolean;
}

export class S3FileStore implements FileStore {
  readonly description: string;
  private readonly client: AwsClient;

  constructor(private readonly settings: S3Settings) {
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' });
    this.description = `bucket ${settings.bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
  }

  private urlOf(key: string): string {
    const { endpoint, bucket, region, forcePathStyle } = this.settings;
    const base = endpoint ?? `https://s3.${region}.amazonaws.com`;
    const url = new URL(base);
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    if (forcePathStyle) {
      url.pathname = `${url.pathname.replace(/\/$/, '')}/${bucket}/${encodedKey}`;
    } else {
      url.hostname = `${bucket}.${url.hostname}`;
      url.pathname = `/${encodedKey}`;
    }
    return url.toString();
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    let response: Response;
    try {
      response = await this.client.fetch(this.urlOf(key), { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
    } catch (error) {
      // A network failure must not read as "database unavailable" (both carry ECONNREFUSED).
      throw new DomainError('storage.unavailable', `The file store cannot be reached at the moment (${(error as Error).message}). Nothing was saved; please try again later.`);
    }
    if (!response.ok) {
      const body = await response.text();
      // S3 says EntityTooLarge / QuotaExceeded / (MinIO) XMinioStorageFull when out of room.
      if (response.status === 507 || /StorageFull|QuotaExceeded|EntityTooLarge/.test(body)) {
        throw new DomainError('storage.full', 'The file store has no space left for this file. Nothing was saved; please tell the secretariat and try again later.');
      }
      throw new DomainError('storage.unavailable', `The file store refused to store the file (HTTP ${response.status}). Nothing was saved; please try again later.`, { body: body.slice(0, 500) });
    }
  }

  async remove(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'DELETE' });
    // 204 when deleted, 404 on some stores when already gone: both leave no object.
    if (!response.ok && response.status !== 404) throw new Error(`The file store did not delete ${key}: HTTP ${response.status}`);
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'GET' });
    if (!response.ok) throw new Error(`The file store has no ${key}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
