import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Keys of the install's own settings (not travelling rows). */
export type SettingKey =
  | 'association_name_ar'
  | 'association_name_en'
  | 'home_branch_id'
  | 'initialised_at'
  | 'device_id'
  /** When the files beside the store were all sealed with its key (content-sealing.ts). */
  | 'content_files_sealed_at'
  /** Minutes without input after which a desk locks (session-lock.ts); an admin sets it. */
  | 'idle_lock_minutes';

export async function getSetting(db: Db, key: SettingKey): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function getSettings(db: Db, keys: SettingKey[]): Promise<Partial<Record<SettingKey, string>>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function putSetting(db: Db, key: SettingKey, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
