import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, RequestDocumentsTable, SupportRequestsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type SupportRequestRow = Selectable<SupportRequestsTable>;
export type RequestDocumentRow = Selectable<RequestDocumentsTable>;
export type RequestTypeRow = Selectable<Database['request_types']>;
export type TypeDocumentRow = { request_type_code: string; code: string; name_ar: string; name_en: string; required: number };

export function listRequestTypes(db: Db): Promise<RequestTypeRow[]> {
  return db.selectFrom('request_types').selectAll().where('active', '=', 1).orderBy('sort_order').execute();
}

export function findRequestType(db: Db, code: string): Promise<RequestTypeRow | undefined> {
  return db.selectFrom('request_types').selectAll().where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

/** The documents each type asks for (all types when `typeCode` is null), in checklist order. */
export function listTypeDocuments(db: Db, typeCode: string | null): Promise<TypeDocumentRow[]> {
  let query = db
    .selectFrom('request_type_documents')
    .innerJoin('document_types', 'document_types.code', 'request_type_documents.document_type_code')
    .select([
      'request_type_documents.request_type_code',
      'document_types.code',
      'document_types.name_ar',
      'document_types.name_en',
      'request_type_documents.required',
    ])
    .orderBy('request_type_documents.sort_order');
  if (typeCode !== null) query = query.where('request_type_documents.request_type_code', '=', typeCode);
  return query.execute();
}

export function findRequest(db: Db, id: string): Promise<SupportRequestRow | undefined> {
  return db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRequestDocuments(db: Db, requestId: string): Promise<RequestDocumentRow[]> {
  return db.selectFrom('request_documents').selectAll().where('request_id', '=', requestId).execute();
}

export function findRequestDocument(db: Db, requestId: string, code: string): Promise<RequestDocumentRow | undefined> {
  return db
    .selectFrom('request_documents')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('document_type_code', '=', code)
    .executeTakeFirst();
}

export type RequestListRow = SupportRequestRow & { beneficiary_name: string; type_name_ar: string; type_name_en: string };

export function listRequests(
  db: Db,
  filter: { states: string[]; beneficiaryId: string | null; branchId: string | null; limit: number },
): Promise<RequestListRow[]> {
  let query = db
    .selectFrom('support_requests')
    // The name of the record it was made under, or of the survivor that record was merged into.
    .leftJoin('beneficiaries as named', 'named.id', 'support_requests.beneficiary_id')
    .innerJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .innerJoin('request_types', 'request_types.code', 'support_requests.request_type_code')
    .selectAll('support_requests')
    .select((eb) => [
      eb.fn<string>('concat_ws', [eb.val(' '), 'beneficiaries.first_name', 'beneficiaries.father_name', 'beneficiaries.grandfather_name', 'beneficiaries.family_name']).as('beneficiary_name'),
      'request_types.name_ar as type_name_ar',
      'request_types.name_en as type_name_en',
    ]);
  if (filter.states.length > 0) query = query.where('support_requests.state', 'in', filter.states);
  if (filter.beneficiaryId) query = query.where('support_requests.beneficiary_id', '=', filter.beneficiaryId);
  if (filter.branchId) query = query.where('support_requests.branch_id', '=', filter.branchId);
  return query.orderBy('support_requests.created_at', 'desc').limit(filter.limit).execute();
}

/** The state column's history (who moved it, when), oldest first. */
export function listStateHistory(db: Db, requestId: string) {
  return db
    .selectFrom('field_history')
    .leftJoin('users', 'users.id', 'field_history.changed_by')
    .select(['field_history.old_value', 'field_history.new_value', 'field_history.changed_at', 'users.display_name as changed_by_name'])
    .where('field_history.table_name', '=', 'support_requests')
    .where('field_history.row_id', '=', requestId)
    .where('field_history.field', '=', 'state')
    .orderBy('field_history.changed_at')
    .orderBy('field_history.hlc')
    .execute();
}

export function latestSignatureOfRequest(db: Db, requestId: string) {
  return db.selectFrom('signatures').selectAll().where('request_id', '=', requestId).orderBy('signed_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** Install settings this area owns (the committee clock), read and written as raw key/value pairs. */
export async function readRequestSettings(db: Db, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeRequestSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
