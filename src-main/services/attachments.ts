import { uuidv7 } from 'uuidv7';
import { ATTACHMENT_MAX_BYTES } from '../../src-shared/contract/requests';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { sniffAttachmentType, type AttachmentType } from './attachments-content';
import { findAttachment, findAttachmentByHash, readContent, writeContent } from '../store/attachments';
import { insertTravelling } from '../store/row-writer';
import { sha256Hex } from '../store/content-files';

export type StoredAttachment = { id: string; sha256: string; mimeType: AttachmentType; sizeBytes: number; deduplicated: boolean };

export function decodeBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/**
 * Stores a scan, photo or signature: type by magic bytes, size limit, content written once under its
 * SHA-256; a second upload of the same bytes reuses the first row (and the file is never rewritten).
 */
export async function storeAttachment(
  ctx: ServiceContext,
  actor: Actor,
  bytes: Buffer,
  kind: 'document' | 'signature',
  field: string,
): Promise<StoredAttachment> {
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new DomainError('VALIDATION', 'error.attachmentTooLarge', {
      values: { max: ATTACHMENT_MAX_BYTES / (1024 * 1024) },
      fields: { [field]: 'error.attachmentTooLarge' },
    });
  }
  const mimeType = sniffAttachmentType(bytes);
  if (!mimeType) throw new DomainError('VALIDATION', 'error.attachmentType', { fields: { [field]: 'error.attachmentType' } });
  const sha256 = sha256Hex(bytes);
  writeContent(ctx.store, sha256, bytes);
  const existing = await findAttachmentByHash(ctx.db, sha256, kind);
  if (existing) return { id: existing.id, sha256, mimeType, sizeBytes: bytes.length, deduplicated: true };
  const id = uuidv7();
  await insertTravelling(
    ctx.db,
    'attachments',
    { id, branch_id: actor.branchId, sha256, mime_type: mimeType, size_bytes: bytes.length, kind, created_by: actor.id },
    ctx.stamp(),
  );
  return { id, sha256, mimeType, sizeBytes: bytes.length, deduplicated: false };
}

export const attachmentHandlers = {
  'attachments.upload': async (ctx, input) => {
    const actor = requireActor(ctx);
    const stored = await storeAttachment(ctx, actor, decodeBase64(input.contentBase64), 'document', 'contentBase64');
    // The hash names content, not a person: safe in the audit detail.
    ctx.describe({ entity: 'attachment', entityId: stored.id, detail: { sizeBytes: stored.sizeBytes, mimeType: stored.mimeType, deduplicated: stored.deduplicated } });
    return stored;
  },

  'attachments.get': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await findAttachment(ctx.db, input.id);
    if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
    const branch = scopedBranch(actor);
    if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
    ctx.describe({ entity: 'attachment', entityId: row.id });
    return { id: row.id, mimeType: row.mime_type as AttachmentType, contentBase64: readContent(ctx.store, row.sha256).toString('base64') };
  },
} satisfies Partial<Handlers>;
