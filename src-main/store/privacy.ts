import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './schema';
import { personIds } from './duplicate-reviews';
import type { PrivacyConsentsTable, PrivacyCorrectionsTable, PrivacyExportsTable, RetentionRulesTable } from './schema-privacy';

type Db = Kysely<Database> | Transaction<Database>;

/** Data-copy requests, correction requests, consent records, retention rules and the privacy settings. */

export type ExportRow = Selectable<PrivacyExportsTable> & { requested_by_name: string | null; delivered_by_name: string | null };
export type CorrectionRow = Selectable<PrivacyCorrectionsTable>;
export type CorrectionListRow = CorrectionRow & {
  first_name: string;
  father_name: string;
  family_name: string;
  received_by_name: string | null;
  assigned_to_name: string | null;
  decided_by_name: string | null;
};
export type ConsentRow = Selectable<PrivacyConsentsTable> & { recorded_by_name: string | null; form_code: string | null };
export type RetentionRuleRow = Selectable<RetentionRulesTable>;

export async function insertExportRequest(db: Db, row: Insertable<PrivacyExportsTable>): Promise<void> {
  await db.insertInto('privacy_exports').values(row).execute();
}

function exportQuery(db: Db) {
  return db
    .selectFrom('privacy_exports as e')
    .leftJoin('users as r', 'r.id', 'e.requested_by')
    .leftJoin('users as d', 'd.id', 'e.delivered_by')
    .selectAll('e')
    .select(['r.display_name as requested_by_name', 'd.display_name as delivered_by_name']);
}

export function findExportRequest(db: Db, id: string): Promise<ExportRow | undefined> {
  return exportQuery(db).where('e.id', '=', id).executeTakeFirst();
}

/** A person's requests, those made under a record merged into theirs included (as the lists below). */
export async function listExportRequests(db: Db, beneficiaryId: string): Promise<ExportRow[]> {
  return exportQuery(db).where('e.beneficiary_id', 'in', await personIds(db, beneficiaryId)).orderBy('e.requested_at', 'desc').execute();
}

/** The first hand-over sets the delivery moment; later formats are added to the same request. */
export async function markExportDelivered(db: Db, row: ExportRow, format: string, userId: string, at: string): Promise<void> {
  const formats = new Set((row.formats ?? '').split(',').filter(Boolean));
  formats.add(format);
  await db
    .updateTable('privacy_exports')
    .set({ delivered_at: row.delivered_at ?? at, delivered_by: row.delivered_by ?? userId, formats: [...formats].sort().join(',') })
    .where('id', '=', row.id)
    .execute();
}

export async function insertCorrection(db: Db, row: Insertable<PrivacyCorrectionsTable>): Promise<void> {
  await db.insertInto('privacy_corrections').values(row).execute();
}

export async function updateCorrection(db: Db, id: string, set: Partial<CorrectionRow>): Promise<void> {
  await db.updateTable('privacy_corrections').set(set).where('id', '=', id).execute();
}

function correctionQuery(db: Db) {
  return db
    .selectFrom('privacy_corrections as c')
    .innerJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
    .leftJoin('users as r', 'r.id', 'c.received_by')
    .leftJoin('users as a', 'a.id', 'c.assigned_to')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .selectAll('c')
    .select(['b.first_name', 'b.father_name', 'b.family_name', 'r.display_name as received_by_name', 'a.display_name as assigned_to_name', 'd.display_name as decided_by_name']);
}

export function findCorrection(db: Db, id: string): Promise<CorrectionListRow | undefined> {
  return correctionQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listCorrectionsOfBeneficiary(db: Db, beneficiaryId: string): Promise<CorrectionListRow[]> {
  return correctionQuery(db).where('c.beneficiary_id', 'in', await personIds(db, beneficiaryId)).orderBy('c.received_at', 'desc').execute();
}

/** Open requests, soonest due first; `branchId` limits them to one branch (scope own). */
export function listOpenCorrections(db: Db, branchId: string | null): Promise<CorrectionListRow[]> {
  let query = correctionQuery(db).where('c.status', '=', 'open');
  if (branchId) query = query.where('b.branch_id', '=', branchId);
  return query.orderBy('c.due_on').orderBy('c.received_at').execute();
}

export async function insertConsent(db: Db, row: Insertable<PrivacyConsentsTable>): Promise<void> {
  await db.insertInto('privacy_consents').values(row).execute();
}

/** Newest first: the first row is the standing status (of the person: consents under a merged-away id count). */
export async function listConsents(db: Db, beneficiaryId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('privacy_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .leftJoin('signed_forms as f', 'f.id', 'c.form_id')
    .selectAll('c')
    .select(['u.display_name as recorded_by_name', 'f.code as form_code'])
    .where('c.beneficiary_id', 'in', await personIds(db, beneficiaryId))
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export function listRetentionRules(db: Db): Promise<RetentionRuleRow[]> {
  return db.selectFrom('retention_rules').selectAll().orderBy('code').execute();
}

export async function updateRetentionRule(db: Db, code: string, set: { years: number; active: number; updated_at: string; updated_by: string }): Promise<void> {
  await db.updateTable('retention_rules').set(set).where('code', '=', code).execute();
}

export async function findAnonymisation(db: Db, beneficiaryId: string): Promise<{ anonymised_at: string } | undefined> {
  return db.selectFrom('privacy_anonymisations').select('anonymised_at').where('beneficiary_id', '=', beneficiaryId).executeTakeFirst();
}

const CORRECTION_DAYS_KEY = 'privacy_correction_days';

export async function readCorrectionDays(db: Db, fallback: number): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', CORRECTION_DAYS_KEY).executeTakeFirst();
  const days = Number(row?.value);
  return Number.isInteger(days) && days > 0 ? days : fallback;
}

export async function writeCorrectionDays(db: Db, days: number): Promise<void> {
  const value = String(days);
  await db.insertInto('settings').values({ key: CORRECTION_DAYS_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

const RETENTION_DAY_KEY = 'privacy_retention_last_day';

/** The day (Riyadh) the retention job last went through the registry. */
export async function readRetentionJobDay(db: Db): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', RETENTION_DAY_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeRetentionJobDay(db: Db, day: string): Promise<void> {
  await db.insertInto('settings').values({ key: RETENTION_DAY_KEY, value: day }).onConflict((oc) => oc.column('key').doUpdateSet({ value: day })).execute();
}
