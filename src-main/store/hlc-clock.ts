import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hlcReceive, hlcTick, hlcToString, parseHlc, type Hlc } from '../../src-shared/domain/hlc';
import type { Database } from './schema';
import { readHlcFloor } from './sync-rebuild';

export type HlcClock = {
  /** This install's node id, part of every stamp it makes. */
  readonly node: string;
  /** A new stamp, greater than every stamp this install made before, even if the wall clock went back. */
  next(): string;
  /**
   * Takes in a stamp that arrived from elsewhere (a pulled change), so every later local stamp sorts
   * after it even when this machine's clock runs behind: otherwise a later local edit would lose the
   * per-field merge to an older remote one.
   */
  observe(remote: string): void;
};

/** Reads (or creates) the device id and resumes after the highest stamp already written (or the floor a restore left). */
export async function createHlcClock(db: Kysely<Database>, wallClock: () => number = Date.now): Promise<HlcClock> {
  let node = (await db.selectFrom('settings').select('value').where('key', '=', 'device_id').executeTakeFirst())?.value;
  if (!node) {
    node = randomBytes(8).toString('hex');
    await db.insertInto('settings').values({ key: 'device_id', value: node }).execute();
  }
  const latest = await db
    .selectFrom('change_log')
    .select(({ fn }) => fn.max('hlc').as('hlc'))
    .executeTakeFirst();
  // After a restore the change log is the backup's: the replaced store's highest stamp is the floor.
  const floor = await readHlcFloor(db);
  const highest = floor !== null && (!latest?.hlc || floor > latest.hlc) ? floor : latest?.hlc;
  let last: Hlc | null = highest ? parseHlc(highest) : null;
  const deviceNode = node;
  return {
    node: deviceNode,
    next() {
      last = hlcTick(last, wallClock(), deviceNode);
      return hlcToString(last);
    },
    observe(remote) {
      const stamp = parseHlc(remote);
      last = hlcReceive(last ?? stamp, stamp, wallClock(), deviceNode);
    },
  };
}
