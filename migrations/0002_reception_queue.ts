import { type Kysely, sql } from 'kysely';

/*
 * Reception queue: desks (per branch, with the services they serve), tickets, the insert-only
 * ticket events (one row per transition: the wait and service times are read from them), and the
 * configurable visitor priorities.
 *
 * Desks, tickets and events travel (UUIDv7 ids, branch, HLC). Ticket numbers are not unique in the
 * schema: the number a visitor holds is unique per branch, day and service within one install, where
 * issuing runs in one write transaction; a unique index would break the day two installs of one
 * branch sync their tickets through head office.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const SERVICES = sql`('new_request', 'follow_up', 'delivery', 'inquiry', 'complaint', 'researcher')`;
const STATES = sql`('waiting', 'called', 'serving', 'done', 'no_show', 'transferred')`;

export async function up(db: AnyDb): Promise<void> {
  // Install configuration, not travelling: each branch office orders its own visitors.
  await db.schema
    .createTable('queue_priorities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('queue_priorities_code_check', sql`code in ('none', 'elderly', 'disabled', 'pregnant', 'urgent')`)
    .execute();
  await db
    .insertInto('queue_priorities')
    .values([
      { code: 'none', weight: 0, sort_order: 1, active: 1 },
      { code: 'elderly', weight: 20, sort_order: 2, active: 1 },
      { code: 'disabled', weight: 30, sort_order: 3, active: 1 },
      { code: 'pregnant', weight: 20, sort_order: 4, active: 1 },
      { code: 'urgent', weight: 40, sort_order: 5, active: 1 },
    ])
    .execute();

  await db.schema
    .createTable('desks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Comma-separated service codes: a short closed list read with the desk, never searched in SQL.
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desks_branch_ix').on('desks').columns(['branch_id', 'number']).execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('service_day', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('priority_code', 'text', (c) => c.notNull())
    // The weight when issued: changing the configuration later does not reorder who already waits.
    .addColumn('priority_weight', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('desk_id', 'text', (c) => c.references('desks.id'))
    // Set by a transfer to one desk: only that desk calls the ticket.
    .addColumn('target_desk_id', 'text', (c) => c.references('desks.id'))
    .addColumn('transferred_from_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // Place in the line: the issue time, or the time a skipped ticket went back to the end of it.
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('serving_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('recall_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_seconds', 'integer')
    .addColumn('service_seconds', 'integer')
    .addColumn('issued_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint('tickets_service_check', sql`service_code in ${SERVICES}`)
    .addCheckConstraint('tickets_state_check', sql`state in ${STATES}`)
    .execute();
  await db.schema.createIndex('tickets_queue_ix').on('tickets').columns(['branch_id', 'service_day', 'state']).execute();
  await db.schema.createIndex('tickets_numbering_ix').on('tickets').columns(['branch_id', 'service_day', 'prefix', 'seq']).execute();
  await db.schema.createIndex('tickets_beneficiary_ix').on('tickets').column('beneficiary_id').execute();

  // Insert-only: one row per transition, so every wait and service time can be recomputed.
  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.references('desks.id'))
    .addColumn('user_id', 'text')
    .addColumn('service_day', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'ticket_events_event_check',
      sql`event in ('issued', 'called', 'recalled', 'serving', 'done', 'no_show', 'skipped', 'transferred', 'linked')`,
    )
    .execute();
  await db.schema.createIndex('ticket_events_ticket_ix').on('ticket_events').columns(['ticket_id', 'at']).execute();
  await db.schema.createIndex('ticket_events_board_ix').on('ticket_events').columns(['branch_id', 'service_day', 'event']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['ticket_events', 'tickets', 'desks', 'queue_priorities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
