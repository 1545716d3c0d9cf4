import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, AttachmentsTable } from './schema';
import { contentFilePath, readContentFile, writeContentFile, type ContentPlace } from './content-files';

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

/** Writes the bytes once under their hash (sealed with the store's key); false when the content was already there. */
export function writeContent(place: ContentPlace, sha256: string, bytes: Uint8Array): boolean {
  return writeContentFile(place, 'attachments', sha256, bytes);
}

export function readContent(place: ContentPlace, sha256: string): Buffer {
  const bytes = readContentFile(place, 'attachments', sha256);
  if (!bytes) throw new Error(`Attachment content ${sha256.slice(0, 12)}… is missing from the store folder or does not match its hash.`);
  return bytes;
}
