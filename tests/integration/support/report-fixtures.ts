import type { Kysely } from 'kysely';
import { openHeadOfficeStore, type HeadOfficeStore } from '../../../src-main/headoffice/store';
import type { Database } from '../../../src-main/store/schema';
import { freshPostgres } from './fresh-postgres';
import { tempDir } from './test-runtime';

/**
 * A PostgreSQL copy of a desk store's rows (a fresh database, dropped afterwards), so the report
 * queries can be run on both dialects over the very same records.
 */
const COPIED: ReadonlyArray<keyof Database> = [
  'branches', 'users', 'beneficiaries', 'household_members', 'desks', 'tickets', 'ticket_events', 'attachments',
  'support_requests', 'request_documents', 'interviews', 'interview_steps', 'referrals', 'signatures', 'contacts', 'signed_forms',
  'research_reports', 'committee_sessions', 'committee_agenda_items', 'committee_decisions', 'deliveries', 'survey_responses',
  'survey_follow_ups', 'outreach_tasks', 'complaints',
];

export async function postgresCopy(source: Kysely<Database>): Promise<{ store: HeadOfficeStore; close(): Promise<void> }> {
  const database = await freshPostgres('mamen_reports');
  const temp = tempDir('mamen-pg-');
  const store = await openHeadOfficeStore({ databaseUrl: database.url, sqlitePath: `${temp.dir}/unused.sqlite` });
  for (const table of COPIED) {
    const rows = (await source.selectFrom(table).selectAll().execute()) as Array<Record<string, unknown>>;
    for (let i = 0; i < rows.length; i += 200) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a generic row copy across every table
      await (store.db as Kysely<any>).insertInto(table).values(rows.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  return {
    store,
    close: async () => {
      await store.close();
      await database.drop();
      temp.remove();
    },
  };
}
