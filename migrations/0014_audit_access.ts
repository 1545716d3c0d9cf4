import type { Kysely } from 'kysely';

/*
 * The audit viewer and the lock screen. The viewer filters the log by user, action, branch, subject
 * and time and pages it newest first, so each filter has an index ending in `seq` (the page key);
 * the subject's index (beside `audit_log_entity_ix`) ends in `seq` too, so a long history pages
 * without sorting. `sessions.locked_at`: a locked session answers only unlock and sign-out.
 */

// Migrations receive an untyped Kysely: they describe the schema that the typed code relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const INDEXES: ReadonlyArray<readonly [name: string, columns: string[]]> = [
  ['audit_log_user_ix', ['user_id', 'seq']],
  ['audit_log_action_ix', ['action', 'seq']],
  ['audit_log_branch_ix', ['branch_id', 'seq']],
  ['audit_log_subject_ix', ['entity', 'entity_id', 'seq']],
  ['audit_log_at_ix', ['at']],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [name, columns] of INDEXES) await db.schema.createIndex(name).on('audit_log').columns(columns).execute();
  await db.schema.alterTable('sessions').addColumn('locked_at', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('locked_at').execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
