import { uuidv7 } from 'uuidv7';
import type { Runtime } from '../../../src-main/api/runtime';
import { insertTravelling } from '../../../src-main/store/row-writer';

/**
 * Writes a change head office is sure to refuse (a decision on a review item it never opened), as a
 * way to exercise parking: the desk sets it aside with its reason and the rest of the queue goes on.
 */
export async function writeRefusedChange(runtime: Runtime, branchId: string): Promise<string> {
  const id = uuidv7();
  await runtime.store.db.transaction().execute(async (tx) => {
    await insertTravelling(tx, 'duplicate_resolutions', {
      id, branch_id: branchId, review_id: uuidv7(), decision: 'distinct', survivor_id: null, alias_id: null, alias_fields: '[]', resolved_by: null,
    }, { hlc: runtime.clock.next(), now: new Date().toISOString(), userId: null });
  });
  return id;
}
