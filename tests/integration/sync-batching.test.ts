import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullChanges, pushOutbox, SYNC_SIZES, type SyncSizes } from '../../src-main/sync/engine';
import { SyncFailure, SyncServer } from '../../src-main/sync/server-client';
import { beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * The desk's batching: the outbox goes in several batches, one in flight at a time, with the desk's
 * bookkeeping overlapping head office's work; pulled pages are applied in groups of several pages
 * to a transaction. Small sizes make a handful of records span many batches and pages.
 */

const PEOPLE = ['أحمد', 'فاطمة', 'خالد', 'نورة', 'سلمان'];
const FAMILIES = ['الحربي', 'المالكي', 'الزهراني', 'القحطاني', 'العتيبي'];

const SMALL: SyncSizes = { ...SYNC_SIZES, pushChanges: 2, pullChanges: 2, applyGroup: 5 };

/** A connection to head office that drops on the given push or pull call (1-based), like a cut line. */
class CutConnection extends SyncServer {
  pushes = 0;
  pulls = 0;
  constructor(inner: SyncServer, private readonly cut: { push?: number; pull?: number }) {
    super(inner.serverUrl, (inner.headers().authorization ?? '').replace('Bearer ', ''), Number(inner.headers()['x-mamen-schema']));
  }

  override push(...args: Parameters<SyncServer['push']>) {
    this.pushes += 1;
    if (this.pushes === this.cut.push) return Promise.reject(new SyncFailure('offline'));
    return super.push(...args);
  }

  override pull(...args: Parameters<SyncServer['pull']>) {
    this.pulls += 1;
    if (this.pulls === this.cut.pull) return Promise.reject(new SyncFailure('offline'));
    return super.pull(...args);
  }
}

async function outbox(desk: Desk) {
  return desk.runtime.store.db.selectFrom('change_log').select(['id', 'pushed_at']).orderBy('seq').execute();
}

describe.each(DIALECTS)('sync batching on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  async function deskWithPeople(count: number): Promise<Desk> {
    const desk = await firstDesk(ho, 'JZN');
    desks.push(desk);
    for (const [i, firstName] of PEOPLE.slice(0, count).entries()) {
      await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName, familyName: FAMILIES[i], phonePrimary: `055000000${i}` }) });
    }
    return desk;
  }

  it('pushes the outbox batch after batch in order; a cut keeps what was answered and the rest goes later, once', async () => {
    const a = await deskWithPeople(4);
    const written = await outbox(a);
    expect(written.length).toBeGreaterThan(6);

    const cut = new CutConnection(a.server, { push: 3 });
    await expect(pushOutbox(a.runtime.store.db, cut, a.enrolment, () => new Date(), SMALL)).rejects.toThrow(SyncFailure);
    // Two batches were answered before the line dropped: exactly their four changes left the outbox.
    const afterCut = await outbox(a);
    expect(afterCut.filter((e) => e.pushed_at !== null).map((e) => e.id)).toEqual(written.slice(0, 4).map((e) => e.id));
    expect(await ho.store.db.selectFrom('sync_changes').select('id').orderBy('seq').execute()).toEqual(written.slice(0, 4).map((e) => ({ id: e.id })));

    const done = await pushOutbox(a.runtime.store.db, a.server, a.enrolment, () => new Date(), SMALL);
    expect(done).toEqual({ pushed: written.length - 4, rejected: 0 });
    expect((await outbox(a)).every((e) => e.pushed_at !== null)).toBe(true);
    // Head office logged every change once, in the order the desk wrote them.
    expect((await ho.store.db.selectFrom('sync_changes').select('id').orderBy('seq').execute()).map((r) => r.id)).toEqual(written.map((e) => e.id));
  });

  it('applies pulled pages in groups; a cut mid-group keeps the pages already received, and the rest come once', async () => {
    const a = await deskWithPeople(5);
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    desks.push(b);
    const db = b.runtime.store.db;

    // The line drops after the page that brings the second person: a group was applied whole
    // before it, and the pages of the unfinished group are applied too.
    const logged = await ho.store.db.selectFrom('sync_changes').select(['seq', 'table_name', 'row_id']).orderBy('seq').execute();
    const second = logged.map((r, i) => (r.table_name === 'beneficiaries' ? i : -1)).filter((i) => i >= 0)[1] as number;
    const pagesBeforeCut = Math.ceil((second + 1) / 2);
    expect(pagesBeforeCut).toBeGreaterThan(3);
    expect(pagesBeforeCut % 3).not.toBe(0);
    const cut = new CutConnection(b.server, { pull: pagesBeforeCut + 1 });
    await expect(pullChanges(db, cut, () => new Date(), undefined, undefined, SMALL)).rejects.toThrow(SyncFailure);
    const received = logged.slice(0, pagesBeforeCut * 2);
    const cursor = await db.selectFrom('settings').select('value').where('key', '=', 'sync.cursor').executeTakeFirstOrThrow();
    expect(Number(cursor.value)).toBe(Number(received.at(-1)?.seq));
    const early = received.filter((r) => r.table_name === 'beneficiaries').map((r) => r.row_id);
    expect(early).toHaveLength(2);
    expect((await db.selectFrom('beneficiaries').select('id').execute()).map((r) => r.id).sort()).toEqual([...early].sort());

    const rest = await pullChanges(db, b.server, () => new Date(), undefined, undefined, SMALL);
    expect(rest.pulled).toBe(logged.length - received.length);
    const onA = await a.runtime.store.db.selectFrom('beneficiaries').selectAll().orderBy('id').execute();
    expect(await db.selectFrom('beneficiaries').selectAll().orderBy('id').execute()).toEqual(onA);
    expect(await db.selectFrom('sync_rejections').select('change_id').execute()).toEqual([]);
  });
});
