import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Device } from './devices';

/**
 * Which content files a device may move. A file is named by rows: an attachment, a signed form, a
 * knowledge PDF. A device uploads only files its own branch's rows name (so it cannot fill head
 * office with anything else) and downloads only files named by rows its branch may pull: its own
 * branch's, and the association-wide knowledge base.
 */

/** An attachment or a signed form of this branch names the file. */
async function namedByBranch(db: Kysely<Database>, sha256: string, branchId: string): Promise<boolean> {
  const attachment = await db.selectFrom('attachments').select('id').where('sha256', '=', sha256).where('branch_id', '=', branchId).limit(1).executeTakeFirst();
  if (attachment) return true;
  const form = await db.selectFrom('signed_forms').select('id').where('file_sha256', '=', sha256).where('branch_id', '=', branchId).limit(1).executeTakeFirst();
  return form !== undefined;
}

export async function mayUpload(db: Kysely<Database>, device: Device, sha256: string): Promise<boolean> {
  if (await namedByBranch(db, sha256, device.branchId)) return true;
  const pdf = await db.selectFrom('knowledge_documents').select('id').where('pdf_sha256', '=', sha256).where('branch_id', '=', device.branchId).limit(1).executeTakeFirst();
  return pdf !== undefined;
}

export async function mayDownload(db: Kysely<Database>, device: Device, sha256: string): Promise<boolean> {
  if (await namedByBranch(db, sha256, device.branchId)) return true;
  const pdf = await db.selectFrom('knowledge_documents').select('id').where('pdf_sha256', '=', sha256).limit(1).executeTakeFirst();
  return pdf !== undefined;
}
