import { type Kysely, sql } from 'kysely';

/*
 * Seasonal outreach programmes (Ramadan, the two Eids, school start) as configuration; the
 * beneficiary's preferred channel of contact; the delivery a signed acknowledgement is about (so
 * a second instalment's acknowledgement does not supersede the first); one-time survey
 * invitations printed as a QR slip, and the invitation an answer came from.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('outreach_seasons')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('season', 'text', (c) => c.notNull())
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('outreach_seasons_calendar_check', sql`calendar in ('hijri', 'gregorian')`)
    .execute();
  await db
    .insertInto('outreach_seasons')
    .values([
      { code: 'ramadan_basket', season: 'ramadan', calendar: 'hijri', month: 9, day: 1, lead_days: 14, eligibility: 'active_entitlement', channel: 'phone', script: 'السلام عليكم، يقترب شهر رمضان المبارك. نود ترتيب موعد استلام السلة الرمضانية للأسرة.', active: 1, updated_at: SEEDED_AT },
      { code: 'eid_al_fitr_gift', season: 'eid_al_fitr', calendar: 'hijri', month: 10, day: 1, lead_days: 10, eligibility: 'accepted_case', channel: 'phone', script: 'السلام عليكم، يقترب عيد الفطر المبارك. نود الاطمئنان على الأسرة وترتيب كسوة العيد وزكاة الفطر.', active: 1, updated_at: SEEDED_AT },
      { code: 'eid_al_adha_gift', season: 'eid_al_adha', calendar: 'hijri', month: 12, day: 10, lead_days: 10, eligibility: 'accepted_case', channel: 'phone', script: 'السلام عليكم، يقترب عيد الأضحى المبارك. نود ترتيب نصيب الأسرة من الأضاحي.', active: 1, updated_at: SEEDED_AT },
      { code: 'school_start_kit', season: 'school_start', calendar: 'gregorian', month: 8, day: 24, lead_days: 21, eligibility: 'school_age_members', channel: 'phone', script: 'السلام عليكم، يقترب بدء العام الدراسي. نود ترتيب استلام الحقيبة المدرسية لأبناء الأسرة.', active: 1, updated_at: SEEDED_AT },
    ])
    .execute();

  await db.schema.alterTable('beneficiaries').addColumn('preferred_channel', 'text').execute();

  await db.schema.alterTable('signed_forms').addColumn('delivery_id', 'text').execute();
  await db.schema.createIndex('signed_forms_delivery_ix').on('signed_forms').column('delivery_id').where(sql.ref('delivery_id'), 'is not', null).execute();

  // Travelling: made at the desk, carried to head office, where the public page checks the token's hash.
  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('request_id', 'text', (c) => c.references('support_requests.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();

  // One answer per invitation: the unique index is what makes a token single-use.
  await db.schema.alterTable('survey_responses').addColumn('invitation_id', 'text').execute();
  await db.schema.createIndex('survey_responses_invitation_ux').on('survey_responses').column('invitation_id').unique().execute();
}
