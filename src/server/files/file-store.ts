/**
 * @module file-store
 * Where attachment bytes live. The database keeps only a key; the bytes go to a folder on
 * this machine by default, or to an S3-compatible bucket so several servers can share them.
 */
import type { Config } from '../../config.ts';
import { LocalFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

export interface FileStore {
  /** Stores the bytes under the key; a key is written once and never changed. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Deletes the bytes of a key (no error when already gone): undoes a put whose database row was not written. */
  remove(key: string): Promise<void>;
  /** The bytes of a key; throws when they are missing. */
  get(key: string): Promise<Buffer>;
  /** Where the files go, for the start-up banner and errors. */
  readonly description: string;
}

export function createFileStore(config: Config): FileStore {
  if (config.FILE_STORE === 's3') {
    return new S3FileStore({
      endpoint: config.S3_ENDPOINT,
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalFileStore(`${config.dataDir}/files`);
}

/**
 * Stores the bytes, then writes the database rows that name them. The row comes second so it
 * never points at nothing; when the rows cannot be written (database down, a rule broken in
 * the transaction) the stored bytes are removed again so no orphan file is left behind.
 */
export async function storeThenRecord<T>(files: FileStore, key: string, bytes: Buffer, contentType: string, record: () => Promise<T>): Promise<T> {
  await files.put(key, bytes, contentType);
  try {
    return await record();
  } catch (error) {
    await files.remove(key).catch(() => undefined);
    throw error;
  }
}
