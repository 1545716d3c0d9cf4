import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/*
 * The research committee and the service that follows it (policy steps 5–7): the researcher's social
 * research report, committee sessions with their agenda and members present, the committee's
 * decisions (insert-only; a correction is a new row superseding the old), the clock notifications of
 * the 14-day deadline (warning and escalation, one row per request and moment), deliveries against an
 * accepted decision (insert-only, signed by the beneficiary), satisfaction survey answers and the
 * supervisor follow-up tasks a low score opens, proactive outreach (rules as data, the tasks they make)
 * and complaints and suggestions with their response deadline.
 *
 * Everything but the notifications travels (UUIDv7 id, owning branch, timestamps, HLC). Notifications
 * are derived on each install from the travelling requests, so they stay local.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

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

export async function up(db: AnyDb): Promise<void> {
  // Insert-only: a revised report is a new row pointing at the one it replaces.
  await stamped(
    travelling(db, 'research_reports')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('visit_kind', 'text', (c) => c.notNull())
      .addColumn('household_size', 'integer', (c) => c.notNull())
      .addColumn('monthly_income', 'integer', (c) => c.notNull())
      .addColumn('monthly_expenses', 'integer', (c) => c.notNull())
      .addColumn('housing_condition', 'text', (c) => c.notNull())
      .addColumn('needs', 'text', (c) => c.notNull())
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('recommendation', 'text', (c) => c.notNull())
      .addColumn('recommended_amount', 'integer')
      .addColumn('researcher_id', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('supersedes_id', 'text', (c) => c.references('research_reports.id').unique())
      .addCheckConstraint('research_reports_recommendation_check', sql`recommendation in ('accept', 'reject', 'defer')`),
  ).execute();
  await db.schema.createIndex('research_reports_request_ix').on('research_reports').column('request_id').execute();

  await stamped(
    travelling(db, 'committee_sessions')
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('members_present', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('committee_sessions_held_ix').on('committee_sessions').column('held_on').execute();

  await stamped(
    travelling(db, 'committee_agenda_items')
      .addColumn('session_id', 'text', (c) => c.notNull().references('committee_sessions.id'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('committee_agenda_uq').on('committee_agenda_items').columns(['session_id', 'request_id']).unique().execute();
  await db.schema.createIndex('committee_agenda_request_ix').on('committee_agenda_items').column('request_id').execute();

  // Insert-only: `supersedes_id` is unique, so a decision is corrected at most once (a chain, never a fork).
  await stamped(
    travelling(db, 'committee_decisions')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('session_id', 'text', (c) => c.references('committee_sessions.id'))
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('amount', 'integer')
      .addColumn('items', 'text')
      .addColumn('schedule', 'text')
      .addColumn('installments', 'integer')
      .addColumn('reason', 'text')
      .addColumn('missing', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('supersedes_id', 'text', (c) => c.references('committee_decisions.id').unique())
      .addCheckConstraint('committee_decisions_outcome_check', sql`outcome in ('accepted', 'rejected', 'deferred')`)
      .addCheckConstraint('committee_decisions_schedule_check', sql`schedule is null or schedule in ('one_off', 'monthly', 'seasonal')`),
  ).execute();
  await db.schema.createIndex('committee_decisions_request_ix').on('committee_decisions').column('request_id').execute();

  // Local: the unique key makes "once per request and moment" a property of the store, not of the caller.
  await db.schema
    .createTable('committee_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .addCheckConstraint('committee_notifications_moment_check', sql`moment in ('warning', 'escalation')`)
    .execute();
  await db.schema.createIndex('committee_notifications_uq').on('committee_notifications').columns(['request_id', 'moment', 'due_date']).unique().execute();
  await db.schema.createIndex('committee_notifications_created_ix').on('committee_notifications').columns(['branch_id', 'created_at']).execute();

  // Insert-only: a delivery is never edited; the signature image is an attachment.
  await stamped(
    travelling(db, 'deliveries')
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('decision_id', 'text', (c) => c.notNull().references('committee_decisions.id'))
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('delivered_by', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text', (c) => c.notNull())
      .addColumn('signer_name', 'text', (c) => c.notNull())
      .addColumn('signature_attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
      .addColumn('form_id', 'text'),
  ).execute();
  await db.schema.createIndex('deliveries_request_ix').on('deliveries').column('request_id').execute();

  // Insert-only: one answer to the satisfaction survey; scores are for improvement, never for ranking staff.
  await stamped(
    travelling(db, 'survey_responses')
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('request_id', 'text', (c) => c.references('support_requests.id'))
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('csat', 'integer', (c) => c.notNull())
      .addColumn('nps', 'integer')
      .addColumn('comment', 'text')
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addCheckConstraint('survey_responses_csat_check', sql`csat between 1 and 5`)
      .addCheckConstraint('survey_responses_nps_check', sql`nps is null or nps between 0 and 10`),
  ).execute();
  await db.schema.createIndex('survey_responses_answered_ix').on('survey_responses').columns(['branch_id', 'answered_at']).execute();
  await db.schema.createIndex('survey_responses_beneficiary_ix').on('survey_responses').columns(['beneficiary_id', 'answered_at']).execute();
  await db.schema.createIndex('survey_responses_staff_ix').on('survey_responses').columns(['staff_id', 'answered_at']).execute();

  // A low score (1–2) opens a task for a supervisor; closing it records what was done.
  await stamped(
    travelling(db, 'survey_follow_ups')
      .addColumn('response_id', 'text', (c) => c.notNull().references('survey_responses.id').unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('closed_at', 'text')
      .addCheckConstraint('survey_follow_ups_status_check', sql`status in ('open', 'closed')`),
  ).execute();
  await db.schema.createIndex('survey_follow_ups_status_ix').on('survey_follow_ups').columns(['branch_id', 'status']).execute();

  // Outreach rules are configuration (policy as data), keyed by a stable code and seeded here.
  await db.schema
    .createTable('outreach_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('outreach_rules_kind_check', sql`kind in ('after_service', 'release_approaching', 'missing_documents', 'no_contact')`)
    .execute();
  const seededAt = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('outreach_rules')
    .values([
      { code: 'after_service_7', kind: 'after_service', days: 7, channel: 'phone', script: 'السلام عليكم، نتواصل معكم من الجمعية للاطمئنان بعد استلام الخدمة: هل وصلكم كل شيء؟ وهل لديكم احتياج آخر؟', active: 1, updated_at: seededAt },
      { code: 'release_30', kind: 'release_approaching', days: 30, channel: 'phone', script: 'السلام عليكم، يقترب موعد الإفراج المتوقع. نود ترتيب زيارة لبرامج الرعاية اللاحقة والتأهيل للأسرة والمفرج عنه.', active: 1, updated_at: seededAt },
      { code: 'missing_documents_5', kind: 'missing_documents', days: 5, channel: 'phone', script: 'السلام عليكم، ينقص طلبكم بعض المستندات المطلوبة. نذكّركم بها ليكتمل الطلب ويُعرض على اللجنة.', active: 1, updated_at: seededAt },
      { code: 'no_contact_90', kind: 'no_contact', days: 90, channel: 'phone', script: 'السلام عليكم، مضى وقت منذ آخر تواصل معكم. نطمئن على أحوال الأسرة ونسأل عن أي احتياج.', active: 1, updated_at: seededAt },
    ])
    .execute();

  await stamped(
    travelling(db, 'outreach_tasks')
      .addColumn('rule_code', 'text', (c) => c.notNull())
      .addColumn('task_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('request_id', 'text', (c) => c.references('support_requests.id'))
      .addColumn('anchor_day', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('script', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('done_by', 'text')
      .addColumn('done_at', 'text')
      .addCheckConstraint('outreach_tasks_status_check', sql`status in ('open', 'done')`),
  ).execute();
  await db.schema.createIndex('outreach_tasks_open_ix').on('outreach_tasks').columns(['branch_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('outreach_tasks_beneficiary_ix').on('outreach_tasks').column('beneficiary_id').execute();
  await db.schema.createIndex('deliveries_delivered_ix').on('deliveries').column('delivered_at').execute();
  await db.schema.createIndex('support_requests_release_ix').on('support_requests').column('expected_release_date').execute();

  // A complaint or suggestion from any of the eight channels, moved along its flow; each step is kept in field history.
  await stamped(
    travelling(db, 'complaints')
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('ticket_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_by', 'text', (c) => c.notNull())
      .addColumn('response_due', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('assigned_to', 'text')
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('informed_channel', 'text')
      .addCheckConstraint('complaints_kind_check', sql`kind in ('complaint', 'suggestion')`)
      .addCheckConstraint('complaints_status_check', sql`status in ('received', 'acknowledged', 'assigned', 'answered', 'closed')`),
  ).execute();
  await db.schema.createIndex('complaints_status_ix').on('complaints').columns(['branch_id', 'status', 'response_due']).execute();
  await db.schema.createIndex('complaints_beneficiary_ix').on('complaints').column('beneficiary_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['complaints', 'outreach_tasks', 'outreach_rules', 'survey_follow_ups', 'survey_responses', 'deliveries', 'committee_notifications', 'committee_decisions', 'committee_agenda_items', 'committee_sessions', 'research_reports']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
