import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/*
 * Support requests and the seven-step interview: request and document types (policy as data,
 * seeded here), the requests themselves with their prisoner, income and housing columns, the
 * documents checklist, content-addressed attachments, interviews with their autosaved draft,
 * the completed steps (insert-only), referrals to the social researcher and signatures.
 *
 * Type tables are configuration keyed by their stable English code; every other table travels
 * (UUIDv7 id, owning branch, timestamps, HLC).
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

type Seed = readonly [code: string, nameAr: string, nameEn: string];

const REQUEST_TYPES: readonly Seed[] = [
  ['financial_aid', 'مساعدة مالية', 'Financial aid'],
  ['food_basket', 'سلة غذائية', 'Food basket'],
  ['rent', 'سداد إيجار السكن', 'Rent'],
  ['school_needs', 'احتياجات مدرسية', 'School needs'],
  ['medical', 'مساعدة علاجية', 'Medical'],
  ['visit_transport', 'نقل الأسرة لزيارة السجين', 'Family visit transport'],
  ['legal_guidance', 'إرشاد قانوني', 'Legal guidance'],
  ['training_employment', 'تدريب وتوظيف', 'Training and employment'],
  ['other', 'طلب آخر', 'Other'],
];

const DOCUMENT_TYPES: readonly Seed[] = [
  ['identity_copy', 'صورة الهوية الوطنية أو الإقامة', 'Copy of the national ID or iqama'],
  ['family_register', 'صورة سجل الأسرة', 'Copy of the family register'],
  ['prison_certificate', 'إفادة من السجن بحالة السجين', 'Prison certificate of the prisoner’s status'],
  ['income_proof', 'إثبات الدخل (تعريف راتب أو الضمان الاجتماعي)', 'Proof of income (salary or social security)'],
  ['bank_iban', 'شهادة رقم الآيبان', 'IBAN certificate'],
  ['lease_contract', 'عقد الإيجار الموثق', 'Registered lease contract'],
  ['school_enrolment', 'إفادة قيد دراسي للأبناء', 'School enrolment certificate'],
  ['medical_report', 'تقرير طبي حديث', 'Recent medical report'],
  ['medical_quote', 'فاتورة أو عرض سعر العلاج', 'Invoice or quote for the treatment'],
  ['visit_permit', 'موعد أو تصريح الزيارة', 'Visit appointment or permit'],
  ['case_documents', 'مستندات القضية (صك أو لائحة)', 'Case documents'],
  ['cv', 'السيرة الذاتية', 'Curriculum vitae'],
  ['qualifications', 'صور المؤهلات والشهادات', 'Copies of qualifications'],
];

/** Every request needs the applicant's identity, the family register and proof of the imprisonment. */
const COMMON: ReadonlyArray<readonly [string, boolean]> = [
  ['identity_copy', true],
  ['family_register', true],
  ['prison_certificate', true],
];

const PER_TYPE: Readonly<Record<string, ReadonlyArray<readonly [string, boolean]>>> = {
  financial_aid: [['income_proof', true], ['bank_iban', true]],
  food_basket: [['income_proof', false]],
  rent: [['lease_contract', true], ['income_proof', true], ['bank_iban', false]],
  school_needs: [['school_enrolment', true]],
  medical: [['medical_report', true], ['medical_quote', false]],
  visit_transport: [['visit_permit', true]],
  legal_guidance: [['case_documents', false]],
  training_employment: [['cv', false], ['qualifications', false]],
  other: [],
};

function travelling(db: AnyDb, table: string) {
  return db.schema
    .createTable(table)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'));
}

function stamped<C extends string>(table: CreateTableBuilder<string, C>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull());
}

async function createTypeTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('request_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('document_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('request_type_documents')
    .addColumn('request_type_code', 'text', (c) => c.notNull().references('request_types.code'))
    .addColumn('document_type_code', 'text', (c) => c.notNull().references('document_types.code'))
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_type_documents_pk', ['request_type_code', 'document_type_code'])
    .execute();

  await db.insertInto('request_types').values(REQUEST_TYPES.map(([code, nameAr, nameEn], i) => ({ code, name_ar: nameAr, name_en: nameEn, sort_order: i + 1, active: 1 }))).execute();
  await db.insertInto('document_types').values(DOCUMENT_TYPES.map(([code, nameAr, nameEn], i) => ({ code, name_ar: nameAr, name_en: nameEn, sort_order: i + 1 }))).execute();
  const links = REQUEST_TYPES.flatMap(([type]) =>
    [...COMMON, ...(PER_TYPE[type] ?? [])].map(([document, required], i) => ({
      request_type_code: type,
      document_type_code: document,
      required: required ? 1 : 0,
      sort_order: i + 1,
    })),
  );
  await db.insertInto('request_type_documents').values(links).execute();
}

export async function up(db: AnyDb): Promise<void> {
  await createTypeTables(db);

  // Content-addressed: the bytes live once under attachments/ab/cdef…; a row names them.
  await stamped(
    travelling(db, 'attachments')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addCheckConstraint('attachments_mime_check', sql`mime_type in ('application/pdf', 'image/png', 'image/jpeg')`)
      .addCheckConstraint('attachments_kind_check', sql`kind in ('document', 'signature')`),
  ).execute();
  await db.schema.createIndex('attachments_sha256_ix').on('attachments').column('sha256').execute();

  await stamped(
    travelling(db, 'support_requests')
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('request_type_code', 'text', (c) => c.notNull().references('request_types.code'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      // Prisoner information (policy step 2).
      .addColumn('prisoner_name', 'text')
      .addColumn('prisoner_relation', 'text')
      .addColumn('prison_name', 'text')
      .addColumn('case_status', 'text')
      .addColumn('expected_release_date', 'text')
      // Income and housing.
      .addColumn('monthly_income', 'integer')
      .addColumn('income_sources', 'text')
      .addColumn('housing_type', 'text')
      .addColumn('monthly_rent', 'integer')
      .addColumn('household_size', 'integer')
      // Committee clock (policy step 5).
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('due_date', 'text')
      .addColumn('clock_days', 'integer')
      .addColumn('clock_mode', 'text')
      .addColumn('state_changed_at', 'text', (c) => c.notNull())
      .addColumn('state_changed_by', 'text')
      .addColumn('created_by', 'text')
      .addCheckConstraint(
        'support_requests_state_check',
        sql`state in ('draft', 'submitted', 'under_study', 'decided_accepted', 'decided_rejected', 'delivered', 'closed')`,
      ),
  ).execute();
  await db.schema.createIndex('support_requests_beneficiary_ix').on('support_requests').column('beneficiary_id').execute();
  await db.schema.createIndex('support_requests_state_ix').on('support_requests').columns(['state', 'due_date']).execute();

  await stamped(
    travelling(db, 'request_documents')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('document_type_code', 'text', (c) => c.notNull().references('document_types.code'))
      .addColumn('seen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
      .addColumn('checked_by', 'text')
      .addColumn('checked_at', 'text'),
  ).execute();
  await db.schema.createIndex('request_documents_request_uq').on('request_documents').columns(['request_id', 'document_type_code']).unique().execute();

  await stamped(
    travelling(db, 'interviews')
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('request_id', 'text', (c) => c.references('support_requests.id'))
      .addColumn('desk_user_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('inquiry_questions', 'text')
      .addColumn('inquiry_answers', 'text')
      // The draft of the step being typed: a resume point only; final data lives in columns.
      .addColumn('draft_step', 'text')
      .addColumn('draft_json', 'text')
      .addColumn('draft_saved_at', 'text')
      .addCheckConstraint('interviews_status_check', sql`status in ('open', 'referred', 'completed', 'abandoned')`),
  ).execute();
  await db.schema.createIndex('interviews_desk_ix').on('interviews').columns(['status', 'desk_user_id']).execute();

  // Insert-only: one row per completed step, who and when.
  await stamped(
    travelling(db, 'interview_steps')
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('completed_by', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('interview_steps_uq').on('interview_steps').columns(['interview_id', 'step']).unique().execute();

  await stamped(
    travelling(db, 'referrals')
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
      .addColumn('request_id', 'text', (c) => c.references('support_requests.id'))
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('referred_by', 'text', (c) => c.notNull())
      .addColumn('referred_at', 'text', (c) => c.notNull())
      .addColumn('researcher_id', 'text')
      .addColumn('researcher_notes', 'text')
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'text')
      .addCheckConstraint('referrals_status_check', sql`status in ('open', 'answered')`),
  ).execute();
  await db.schema.createIndex('referrals_status_ix').on('referrals').columns(['status', 'referred_at']).execute();

  // Insert-only: what was signed (its canonical JSON and SHA-256), by whom, and the signature image.
  await stamped(
    travelling(db, 'signatures')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
      .addColumn('signer_name', 'text', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
      .addColumn('data_hash', 'text', (c) => c.notNull())
      .addColumn('signed_data', 'text', (c) => c.notNull())
      .addColumn('witnessed_by', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('signatures_request_ix').on('signatures').column('request_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'signatures', 'referrals', 'interview_steps', 'interviews', 'request_documents', 'support_requests',
    'attachments', 'request_type_documents', 'document_types', 'request_types',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
