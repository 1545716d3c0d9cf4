import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, FormPrintsTable, SignedFormsTable } from './schema';
import { insertTravelling, type WriteStamp } from './row-writer';
import { contentFilePath, readContentFile, writeContentFile, type ContentPlace } from './content-files';

type Db = Kysely<Database> | Transaction<Database>;
export type SignedFormRow = Selectable<SignedFormsTable>;
export type SignedFormView = SignedFormRow & { branch_name: string; issued_by_name: string | null; superseded_by_id: string | null; copies: number };

/** `<folder of the store file>/forms/ab/cdef….pdf`: the stored copy of a signed form, named by its SHA-256. */
export function formFilePath(storePath: string, sha256: string): string {
  return contentFilePath(storePath, 'forms', sha256, '.pdf');
}

/** Writes a form's bytes once under their hash (sealed with the store's key; never half a file). */
export function writeFormFile(place: ContentPlace, sha256: string, bytes: Uint8Array): void {
  writeContentFile(place, 'forms', sha256, bytes, '.pdf');
}

/** The stored bytes, or null when the file is gone or no longer the content its hash names. */
export function readFormFile(place: ContentPlace, sha256: string): Buffer | null {
  return readContentFile(place, 'forms', sha256, '.pdf');
}

export type NewSignedForm = Omit<SignedFormRow, 'created_at' | 'updated_at' | 'hlc'>;

export async function insertSignedForm(db: Db, row: NewSignedForm, stamp: WriteStamp): Promise<void> {
  await insertTravelling(db, 'signed_forms', row, stamp);
}

export async function insertFormPrint(
  db: Db,
  row: Omit<Selectable<FormPrintsTable>, 'created_at' | 'updated_at' | 'hlc'>,
  stamp: WriteStamp,
): Promise<void> {
  await insertTravelling(db, 'form_prints', row, stamp);
}

function viewQuery(db: Db) {
  return db
    .selectFrom('signed_forms as f')
    .innerJoin('branches as b', 'b.id', 'f.branch_id')
    .leftJoin('users as u', 'u.id', 'f.issued_by')
    .leftJoin('signed_forms as next', 'next.supersedes_id', 'f.id')
    .selectAll('f')
    .select((eb) => [
      'b.name_ar as branch_name',
      'u.display_name as issued_by_name',
      'next.id as superseded_by_id',
      eb.selectFrom('form_prints as p').select((p) => p.fn.countAll<number>().as('n')).whereRef('p.form_id', '=', 'f.id').as('copies'),
    ]);
}

function normalise(row: Omit<SignedFormView, 'copies'> & { copies: number | string | null }): SignedFormView {
  return { ...row, copies: Number(row.copies ?? 0) };
}

export async function findSignedForm(db: Db, id: string): Promise<SignedFormView | undefined> {
  const row = await viewQuery(db).where('f.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function findSignedFormByCode(db: Db, code: string): Promise<SignedFormView | undefined> {
  const row = await viewQuery(db).where('f.code', '=', code).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function findSignedFormByFileHash(db: Db, sha256: string): Promise<SignedFormView | undefined> {
  const row = await viewQuery(db).where('f.file_sha256', '=', sha256).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function listSignedFormsOfBeneficiary(db: Db, beneficiaryId: string): Promise<SignedFormView[]> {
  const rows = await viewQuery(db).where('f.beneficiary_id', '=', beneficiaryId).orderBy('f.issued_at', 'desc').orderBy('f.id', 'desc').execute();
  return rows.map(normalise);
}

/** The current (not yet superseded) form of a kind for a subject, if any: a correction points at it. */
export async function findCurrentForm(
  db: Db,
  kind: string,
  subject: { beneficiaryId?: string | null; requestId?: string | null; ticketId?: string | null; referralId?: string | null; deliveryId?: string | null },
): Promise<SignedFormView | undefined> {
  let query = viewQuery(db).where('f.kind', '=', kind).where('next.id', 'is', null);
  if (subject.beneficiaryId) query = query.where('f.beneficiary_id', '=', subject.beneficiaryId);
  if (subject.requestId) query = query.where('f.request_id', '=', subject.requestId);
  if (subject.ticketId) query = query.where('f.ticket_id', '=', subject.ticketId);
  if (subject.referralId) query = query.where('f.referral_id', '=', subject.referralId);
  if (subject.deliveryId) query = query.where('f.delivery_id', '=', subject.deliveryId);
  const row = await query.orderBy('f.issued_at', 'desc').executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function countPrints(db: Db, formId: string): Promise<number> {
  const row = await db.selectFrom('form_prints').select((eb) => eb.fn.countAll<number>().as('n')).where('form_id', '=', formId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
