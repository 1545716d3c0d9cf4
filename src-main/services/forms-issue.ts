import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { ZodError } from 'zod';
import type { FormContent, FormSummary } from '../../src-shared/contract/forms';
import { canonicalJson } from '../../src-shared/domain/canonical-json';
import type { MessageKey } from '../../src-shared/i18n/error-messages';
import { FORM_TITLES, renderForm, UnprintableFieldError } from '../pdf/forms/render-form';
import { PngImageError } from '../pdf/png-image';
import {
  findCurrentForm,
  findSignedForm,
  findSignedFormByCode,
  insertSignedForm,
  writeFormFile,
  type SignedFormView,
} from '../store/signed-forms';
import type { Actor, ServiceContext } from './context';
import { DomainError } from './domain-error';
import { sha256Hex } from '../store/content-files';

/**
 * Issues a signed form once: renders it from the data the server assembled, stores the bytes under
 * their SHA-256 and records the row. Asking again for the same content returns the form already
 * issued (its bytes are reprinted, never regenerated); different content for the same subject is a
 * correction: a new form that supersedes the current one.
 */

/** What a form is about; a delivery's acknowledgement names its delivery, so each instalment has its own. */
export type FormSubject = { beneficiaryId: string | null; requestId?: string | null; ticketId?: string | null; referralId?: string | null; deliveryId?: string | null };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newVerificationCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += CROCKFORD[(bytes[i] ?? 0) % 32];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What the data says apart from when and by whom it was printed: equal substance, same form. */
function substance(content: FormContent): string {
  const data: Record<string, unknown> = { ...content.data };
  delete data.issuedAt;
  delete data.receptionistName;
  return canonicalJson({ kind: content.kind, data });
}

export function formSummary(row: SignedFormView): FormSummary {
  return {
    id: row.id,
    kind: row.kind as FormSummary['kind'],
    code: row.code,
    title: row.title,
    beneficiaryId: row.beneficiary_id,
    issuedAt: row.issued_at,
    issuedByName: row.issued_by_name,
    branchName: row.branch_name,
    sha256: row.file_sha256,
    status: row.superseded_by_id ? 'superseded' : 'current',
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by_id,
    copies: row.copies,
  };
}

function renderRefusal(error: unknown): DomainError | null {
  if (error instanceof UnprintableFieldError) {
    return new DomainError('VALIDATION', 'error.formUnprintable', { values: { character: error.character }, fields: { [error.path]: 'error.formUnprintable' } });
  }
  if (error instanceof PngImageError) {
    const key: MessageKey = error.problem === 'empty' ? 'validation.signatureEmpty' : 'validation.signatureNotPng';
    return new DomainError('VALIDATION', key, { fields: { signature: key } });
  }
  if (error instanceof ZodError) {
    const fields: Record<string, MessageKey> = {};
    for (const issue of error.issues) fields[issue.path.join('.')] = 'error.formDataIncomplete';
    return new DomainError('VALIDATION', 'error.formDataIncomplete', { fields });
  }
  return null;
}

export async function issueForm(ctx: ServiceContext, actor: Actor, content: FormContent, subject: FormSubject): Promise<SignedFormView> {
  const current = await findCurrentForm(ctx.db, content.kind, subject);
  if (current && substance(JSON.parse(current.data_json) as FormContent) === substance(content)) {
    ctx.describe({ entity: 'signed_form', entityId: current.id, detail: { kind: content.kind, reused: true } });
    return current;
  }
  const id = uuidv7();
  let code = newVerificationCode();
  while (await findSignedFormByCode(ctx.db, code)) code = newVerificationCode();
  let bytes: Buffer;
  try {
    bytes = await renderForm(content, { documentNo: id, verificationCode: code });
  } catch (error) {
    throw renderRefusal(error) ?? error;
  }
  const fileSha256 = sha256Hex(bytes);
  const dataJson = canonicalJson(content);
  writeFormFile(ctx.store, fileSha256, bytes);
  await insertSignedForm(
    ctx.db,
    {
      id,
      branch_id: actor.branchId,
      kind: content.kind,
      title: FORM_TITLES[content.kind],
      beneficiary_id: subject.beneficiaryId,
      request_id: subject.requestId ?? null,
      ticket_id: subject.ticketId ?? null,
      referral_id: subject.referralId ?? null,
      delivery_id: subject.deliveryId ?? null,
      code,
      file_sha256: fileSha256,
      file_size: bytes.length,
      data_json: dataJson,
      data_hash: sha256Hex(dataJson),
      issued_at: content.data.issuedAt,
      issued_by: actor.id,
      supersedes_id: current?.id ?? null,
    },
    ctx.stamp(),
  );
  const written = await findSignedForm(ctx.db, id);
  if (!written) throw new Error(`Signed form ${id} was written but cannot be read back.`);
  ctx.describe({ entity: 'signed_form', entityId: id, detail: { kind: content.kind, supersedes: current?.id ?? null } });
  return written;
}
