import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { readEnrolment } from '../store/sync-state';

/**
 * Where the desk's updater looks: an explicit feed (MAMEN_UPDATE_URL) or, once enrolled, its own
 * head office's generic feed at `<server>/updates/` (latest.yml and installers, served with ranges).
 * Undefined: not enrolled and nothing configured, so updates stay off.
 */
export async function updateFeedUrl(db: Kysely<Database>, configured: string | undefined): Promise<string | undefined> {
  if (configured) return configured;
  const enrolment = await readEnrolment(db);
  return enrolment ? `${enrolment.serverUrl.replace(/\/+$/, '')}/updates/` : undefined;
}
