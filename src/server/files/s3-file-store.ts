/**
 * Attachment bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage …), over plain
 * HTTPS requests signed with AWS Signature V4 by aws4fetch — a few hundred lines instead of
 * the whole AWS SDK, and the same requests any S3-compatible store understands.
 */
import { AwsClient } from 'aws4fetch';
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
    const response = await this.client.fetch(this.urlOf(key), { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
    if (!response.ok) throw new Error(`The file store refused to store ${key}: HTTP ${response.status} ${await response.text()}`);
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'GET' });
    if (!response.ok) throw new Error(`The file store has no ${key}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
