import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * What a restore on an enrolled desk leaves for sync (docs/backups.md, "A restore on a desk enrolled
 * with head office"): the restored store is as it was at backup time, so
 *  - `sync.rebuild_since` (the restore's time) makes its pulls include its own changes, which head
 *    office otherwise leaves out, until a pull reaches the head of head office's log: the changes it
 *    made and sent after the backup come back to it;
 *  - `hlc_floor` (the highest stamp the replaced store held) keeps its clock from going back: later
 *    local edits stamp after everything it had already sent, even after the app restarts.
 * Every pull raises the same floor to the newest stamp it merged (sync/engine.ts): a desk whose clock
 * runs behind another's still stamps its later edits after what it has seen, across restarts.
 */

type Db = Kysely<Database> | Transaction<Database>;

const REBUILD_KEY = 'sync.rebuild_since';
export const HLC_FLOOR_KEY = 'hlc_floor';

async function read(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

async function put(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** When the restore that started the re-sync happened; null when the desk is not re-syncing. */
export function readRebuildSince(db: Db): Promise<string | null> {
  return read(db, REBUILD_KEY);
}

export async function startRebuild(db: Db, at: string): Promise<void> {
  await put(db, REBUILD_KEY, at);
}

/**
 * The re-sync reached head office's head: from now on the desk pulls only others' changes again. The
 * highest stamp it pulled (its own, sent after the backup, among them) stays as the clock's floor.
 */
export async function finishRebuild(db: Kysely<Database>, since: string, highestPulled: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Only the re-sync that was read at the start of the run (a later restore starts its own).
    await tx.deleteFrom('settings').where('key', '=', REBUILD_KEY).where('value', '=', since).execute();
    if (highestPulled !== null) await raiseHlcFloor(tx, highestPulled);
  });
}

/** The lowest stamp this install may make next is above this one (null: no floor recorded). */
export function readHlcFloor(db: Db): Promise<string | null> {
  return read(db, HLC_FLOOR_KEY);
}

/** Stamps are fixed-width text: text order is their order, so the floor only ever rises. */
export async function raiseHlcFloor(db: Db, stamp: string): Promise<void> {
  const floor = await readHlcFloor(db);
  if (floor === null || stamp > floor) await put(db, HLC_FLOOR_KEY, stamp);
}

