import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, AttachmentsTable } from './schema';
import { contentFilePath, readContentFile, writeContentFile } from './content-files';

type Db = Kysely<Database> | Transaction<Database>;
export type AttachmentRow = Selectable<AttachmentsTable>;

export function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAttachmentByHash(db: Db, sha256: string, kind: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).where('kind', '=', kind).orderBy('created_at').executeTakeFirst();
}

/** `<folder of the store file>/attachments/ab/cdef…`. */
export function attachmentPath(storePath: string, sha256: string): string {
  return contentFilePath(storePath, 'attachments', sha256);
}

/** Writes the bytes once under their hash; false when the content was already there. */
export function writeContent(storePath: string, sha256: string, bytes: Uint8Array): boolean {
  return writeContentFile(storePath, 'attachments', sha256, bytes);
}

export function readContent(storePath: string, sha256: string): Buffer {
  const bytes = readContentFile(storePath, 'attachments', sha256);
  if (!bytes) throw new Error(`Attachment content ${sha256.slice(0, 12)}… is missing from the store folder.`);
  return bytes;
}
