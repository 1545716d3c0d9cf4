import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, AttachmentsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type AttachmentRow = Selectable<AttachmentsTable>;

export function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAttachmentByHash(db: Db, sha256: string, kind: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).where('kind', '=', kind).orderBy('created_at').executeTakeFirst();
}

/** `<folder of the store file>/attachments/ab/cdef…`: two hex characters fan the files out. */
export function attachmentPath(storePath: string, sha256: string): string {
  return join(dirname(storePath), 'attachments', sha256.slice(0, 2), sha256.slice(2));
}

/**
 * Writes the bytes once under their hash. A temp file, fsync, then rename: a crash leaves either
 * no file or the whole file, never half. Returns false when the content was already there.
 */
export function writeContent(storePath: string, sha256: string, bytes: Uint8Array): boolean {
  const target = attachmentPath(storePath, sha256);
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

export function readContent(storePath: string, sha256: string): Buffer {
  return readFileSync(attachmentPath(storePath, sha256));
}
