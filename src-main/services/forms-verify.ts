import type { VerifyResult } from '../../src-shared/contract/forms';
import { findBeneficiary } from '../store/beneficiaries';
import { findSignedForm, findSignedFormByCode, findSignedFormByFileHash, readFormFile, type SignedFormView } from '../store/signed-forms';
import { scopedBranch, type Actor, type ServiceContext } from './context';
import { formSummary } from './forms-issue';
import { sha256Hex } from '../store/content-files';
import { fullName } from './requests-view';

/**
 * The verify screen's answers. A code or a file is checked against the record and against the
 * stored copy itself: a stored file or row that no longer matches its own hash is reported altered,
 * a file whose bytes differ from every issued form but which names a known code is altered, a
 * corrected form is superseded (with its replacement), anything else is unknown.
 */

const CODE_IN_FILE = /mamen-verify:([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})/;

async function subjectName(ctx: ServiceContext, actor: Actor, row: SignedFormView): Promise<string | null> {
  if (!row.beneficiary_id) return null;
  const beneficiary = await findBeneficiary(ctx.db, row.beneficiary_id);
  const branch = scopedBranch(actor);
  if (!beneficiary || (branch && beneficiary.branch_id !== branch)) return null;
  return fullName(beneficiary);
}

async function answer(ctx: ServiceContext, actor: Actor, row: SignedFormView, verdict: VerifyResult['verdict'] | null): Promise<VerifyResult> {
  const stored = readFormFile(ctx.store, row.file_sha256);
  const intact = stored !== null && sha256Hex(stored) === row.file_sha256 && sha256Hex(row.data_json) === row.data_hash;
  const next = row.superseded_by_id ? await findSignedForm(ctx.db, row.superseded_by_id) : undefined;
  const resolved = verdict ?? (!intact ? 'altered' : next ? 'superseded' : 'genuine');
  return {
    verdict: resolved,
    form: formSummary(row),
    replacement: next ? { code: next.code, issuedAt: next.issued_at } : null,
    subjectName: await subjectName(ctx, actor, row),
  };
}

const UNKNOWN: VerifyResult = { verdict: 'unknown', form: null, replacement: null, subjectName: null };

export async function verifyByCode(ctx: ServiceContext, actor: Actor, code: string): Promise<VerifyResult> {
  const row = await findSignedFormByCode(ctx.db, code);
  return row ? answer(ctx, actor, row, null) : UNKNOWN;
}

export async function verifyByFile(ctx: ServiceContext, actor: Actor, bytes: Buffer): Promise<VerifyResult> {
  const exact = await findSignedFormByFileHash(ctx.db, sha256Hex(bytes));
  if (exact) return answer(ctx, actor, exact, null);
  // pdfkit writes the document information uncompressed: the code survives most edits of the pages.
  const named = CODE_IN_FILE.exec(bytes.toString('latin1'))?.[1];
  const row = named ? await findSignedFormByCode(ctx.db, named) : undefined;
  return row ? answer(ctx, actor, row, 'altered') : UNKNOWN;
}
