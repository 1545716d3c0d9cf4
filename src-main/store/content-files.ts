import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Files kept beside the store and named by the SHA-256 of their bytes (attachments, signed forms,
 * knowledge PDFs): the same content is stored once, and a row that names a hash always finds the
 * bytes it was written with. `<store folder>/<shelf>/ab/cdef…<extension>`: two hex characters fan out.
 */
export type ContentShelf = 'attachments' | 'forms' | 'knowledge-files';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function contentFilePath(storePath: string, shelf: ContentShelf, sha256: string, extension = ''): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 content name: ${sha256.slice(0, 16)}…`);
  return join(dirname(storePath), shelf, sha256.slice(0, 2), `${sha256.slice(2)}${extension}`);
}

/**
 * Writes the bytes once under their hash: a temp file, fsync, then rename, so a crash leaves either
 * no file or the whole file. If the caller's transaction rolls back afterwards the file stays
 * unreferenced, which is harmless: the same bytes would land at the same name.
 * Returns false when the content was already there.
 */
export function writeContentFile(storePath: string, shelf: ContentShelf, sha256: string, bytes: Uint8Array, extension = ''): boolean {
  const target = contentFilePath(storePath, shelf, sha256, extension);
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  return true;
}

/** The stored bytes, or null when the file is missing (a store copied without its folders). */
export function readContentFile(storePath: string, shelf: ContentShelf, sha256: string, extension = ''): Buffer | null {
  if (!SHA256_HEX.test(sha256)) return null;
  const path = contentFilePath(storePath, shelf, sha256, extension);
  return existsSync(path) ? readFileSync(path) : null;
}
