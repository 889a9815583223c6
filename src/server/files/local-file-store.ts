/**
 * Attachment bytes in a folder (DATA_DIR/files by default). Each file is written to a
 * temporary name in the same folder, flushed to the disk (fsync) and only then renamed,
 * so neither a crash nor a full disk leaves half a file under a real key; the temporary
 * file is removed when anything fails.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../domain/errors.ts';
import type { FileStore } from './file-store.ts';

/** No space (ENOSPC) or over quota (EDQUOT): the operator must free or add space. */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
/** The folder cannot be written: read-only disk, permissions, a file where the folder should be. */
const UNWRITABLE_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENOENT', 'EIO']);

/** An operating-system failure as a problem the user can read; anything else is left as it is. */
export function storageProblem(error: unknown, root: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && FULL_CODES.has(code)) {
    return new DomainError('storage.full', 'The server has no space left to store this file. Nothing was saved; please tell the secretariat and try again later.', { reason: code });
  }
  if (code && UNWRITABLE_CODES.has(code)) {
    return new DomainError('storage.unavailable', `Files cannot be stored at the moment (${code} on the server's file folder). Nothing was saved; please try again later.`, { reason: code, root });
  }
  return error;
}

export class LocalFileStore implements FileStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `folder ${root}`;
  }

  private pathOf(key: string): string {
    // Keys are made by the server (year/uuid), but a key must never leave the folder.
    if (!/^[a-z0-9][a-z0-9/-]*$/.test(key) || key.includes('..')) throw new Error(`Invalid file key ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const temporary = `${target}.${process.pid}.partial`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      // The rename itself must reach the disk before the database row that names the file.
      const folder = await open(path.dirname(target), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw storageProblem(error, this.root);
    }
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
