import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { insertTravelling, updateTravelling } from '../../src-main/store/row-writer';
import { reviewState } from '../../src-main/store/duplicate-reviews';
import { pullChanges } from '../../src-main/sync/engine';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Randomised convergence: three desks of one branch and a head office; random edits, pushes whose
 * replies are lost (so the desk sends again), duplicated and reordered deliveries, pulls, restarts
 * and desks that stay away for a while; then everyone syncs. Every store must hold the same rows,
 * and each field the value of its latest edit. A second branch registers some of the same citizens;
 * reviewers at random desks of either branch merge or separate them, sometimes deciding the same
 * item at once: every desk ends with head office's decision, the same aliases and the same survivor.
 * Reproduce a failure with SYNC_SEED=<printed seed>.
 */

/** mulberry32: small, seedable, good enough to pick test steps. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ['notes', 'address', 'city', 'governorate', 'phone_secondary'] as const;
const VALUES: Record<(typeof FIELDS)[number], string[]> = {
  notes: ['ملاحظة أ', 'ملاحظة ب', 'ملاحظة ج', 'ملاحظة د'],
  address: ['حي الروضة', 'حي الصفا', 'حي النسيم'],
  city: ['جازان', 'صبيا', 'أبو عريش'],
  governorate: ['جازان', 'صامطة', 'الدرب'],
  phone_secondary: ['0551111111', '0552222222', '0553333333'],
};

type Edit = { rowId: string; field: string; value: string; hlc: string };

async function edit(desk: Desk, rowId: string, field: string, value: string): Promise<Edit | null> {
  return desk.runtime.store.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('beneficiaries').selectAll().where('id', '=', rowId).executeTakeFirstOrThrow();
    const stamp = { hlc: desk.runtime.clock.next(), now: new Date().toISOString(), userId: null };
    const changed = await updateTravelling(tx, 'beneficiaries', before, { [field]: value }, stamp, { history: true });
    return changed.length > 0 ? { rowId, field, value, hlc: stamp.hlc } : null;
  });
}

/** Sends some pending changes, shuffled, maybe twice, without telling the desk: its reply was "lost". */
async function lostReplyPush(desk: Desk, rand: () => number): Promise<void> {
  const pending = await desk.runtime.store.db.selectFrom('change_log').selectAll().where('pushed_at', 'is', null).orderBy('seq').limit(1 + Math.floor(rand() * 6)).execute();
  if (pending.length === 0) return;
  // Inserts stay first: a desk's outbox always sends a row's insert before its updates.
  const inserts = pending.filter((e) => e.op === 'insert');
  const updates = pending.filter((e) => e.op !== 'insert').sort(() => rand() - 0.5);
  const changes = [...inserts, ...updates].map((e) => ({ id: e.id, table_name: e.table_name, row_id: e.row_id, op: e.op, fields: JSON.parse(e.fields) as Record<string, string | number | null>, hlc: e.hlc, branch_id: e.branch_id }));
  const batchId = uuidv7();
  await desk.server.push(batchId, changes);
  if (rand() < 0.5) await desk.server.push(rand() < 0.5 ? batchId : uuidv7(), changes);
}

type Db = Desk['runtime']['store']['db'] | HeadOfficeHarness['store']['db'];

/** What a branch may see of a store: its rows, and the beneficiaries head office shared with it. */
async function snapshot(db: Db, branchId: string, shared: readonly string[]) {
  const beneficiaries = await db.selectFrom('beneficiaries').select(['id', 'branch_id', 'first_name', 'national_id', 'phone_primary', 'merged_into', ...FIELDS, 'hlc', 'updated_at'])
    .where((eb) => eb.or([eb('branch_id', '=', branchId), eb('id', 'in', ['', ...shared])])).orderBy('id').execute();
  const tickets = await db.selectFrom('tickets').select(['id', 'number', 'state', 'hlc']).where('branch_id', '=', branchId).orderBy('id').execute();
  const events = await db.selectFrom('ticket_events').selectAll().where('branch_id', '=', branchId).orderBy('id').execute();
  const reviews = await db.selectFrom('duplicate_reviews').select(['id', 'beneficiary_id', 'other_beneficiary_id', 'reason']).where((eb) => eb.or([eb('branch_id', '=', branchId), eb('other_branch_id', '=', branchId)])).orderBy('id').execute();
  const decisions = [];
  for (const review of reviews) {
    const { state, survivorId } = await reviewState(db, review.id);
    decisions.push({ review: review.id, state, survivorId });
  }
  return { beneficiaries, tickets, events, reviews, decisions };
}

/** A reviewer at this desk decides an open review item (the record the sync screen writes). */
async function decide(desk: Desk, rand: () => number): Promise<boolean> {
  const db = desk.runtime.store.db;
  const reviews = await db.selectFrom('duplicate_reviews').selectAll().where((eb) => eb.or([eb('branch_id', '=', desk.enrolment.branchId), eb('other_branch_id', '=', desk.enrolment.branchId)])).execute();
  const open = [];
  for (const r of reviews) if ((await reviewState(db, r.id)).state === 'open') open.push(r);
  const review = open[Math.floor(rand() * open.length)];
  if (!review) return false;
  const merge = rand() < 0.7;
  const survivor = rand() < 0.5 ? review.beneficiary_id : review.other_beneficiary_id;
  const alias = survivor === review.beneficiary_id ? review.other_beneficiary_id : review.beneficiary_id;
  await db.transaction().execute(async (tx) => {
    await insertTravelling(tx, 'duplicate_resolutions', {
      id: uuidv7(), branch_id: desk.enrolment.branchId, review_id: review.id, decision: merge ? 'merge' : 'distinct',
      survivor_id: merge ? survivor : null, alias_id: merge ? alias : null,
      // Only the phone is chosen across records: the edited fields keep the expectation "latest edit wins".
      alias_fields: JSON.stringify(merge && rand() < 0.5 ? ['phone_primary'] : []), resolved_by: null,
    }, { hlc: desk.runtime.clock.next(), now: new Date().toISOString(), userId: null });
  });
  return true;
}

describe.each(DIALECTS)('randomised convergence on %s', (dialect) => {
  let ho: HeadOfficeHarness | null = null;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho?.close();
  });

  it('brings three desks and head office to the same state, keeping every latest edit', async () => {
    const seed = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.info(`sync convergence seed (${dialect}): ${seed}  (rerun: SYNC_SEED=${seed})`);
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

    ho = await startHeadOffice(dialect);
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const rows: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      rows.push((await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ phonePrimary: `05500000${10 + i}` , firstName: ['سعد', 'فهد', 'ماجد'][i] ?? 'سعد' }) })).id);
    }
    await a.sync();
    for (let i = 0; i < 2; i += 1) {
      const desk = await nextDesk(ho, a.enrolment.branchId);
      desks.push(desk);
      await desk.sync();
    }
    // A second branch registers two of the same citizens (another phone): two review items at head office.
    const s = await firstDesk(ho, 'SBY');
    desks.push(s);
    const jzn = await a.runtime.store.db.selectFrom('beneficiaries').selectAll().execute();
    for (const row of jzn.slice(0, 2)) {
      await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ nationalId: row.national_id ?? '', firstName: row.first_name, phonePrimary: '0569990000' }) });
    }
    await s.sync();

    const edits: Edit[] = [];
    let issued = 0;
    const steps = dialect === 'postgres' ? 60 : 90;
    for (let step = 0; step < steps; step += 1) {
      const desk = pick(desks);
      const roll = rand();
      if (roll < 0.45 && desk !== s) {
        const field = pick(FIELDS);
        const made = await edit(desk, pick(rows), field, pick(VALUES[field]));
        if (made) edits.push(made);
      } else if (roll < 0.6) await desk.sync();
      else if (roll < 0.72) await lostReplyPush(desk, rand);
      else if (roll < 0.82) await pullChanges(desk.runtime.store.db, desk.server, () => new Date());
      else if (roll < 0.9 && desk === a) {
        await a.admin.call('queue.issue', { service: 'new_request', priority: 'none' });
        issued += 1;
      }
      else if (roll < 0.95) {
        await desk.restart();
        if (desk === a) await a.admin.call('auth.login', { username: 'admin-jzn', password: ADMIN_PASSWORD });
      }
      else await decide(desk, rand);
      // otherwise this desk stays away this round (a partition)
    }

    // Two reviewers decide at once (maybe the same item), then everyone pushes and pulls.
    await decide(a, rand);
    await decide(s, rand);
    for (const desk of desks) await desk.sync();
    for (const desk of desks) await desk.sync();
    // Whatever is still open (a review reached the desks only now, or both picked the same one) is decided by one reviewer.
    for (let round = 0; round < 5 && (await decide(a, rand)); round += 1) await a.sync();
    // Heal: everyone pushes, then everyone pulls what the others pushed.
    for (const desk of desks) await desk.sync();
    for (const desk of desks) await desk.sync();

    const branchOf = (desk: Desk) => desk.enrolment.branchId;
    for (const desk of desks) {
      const shared = (await ho.store.db.selectFrom('beneficiary_shares').select('beneficiary_id').where('branch_id', '=', branchOf(desk)).execute()).map((r) => r.beneficiary_id);
      const server = await snapshot(ho.store.db, branchOf(desk), shared);
      expect(await snapshot(desk.runtime.store.db, branchOf(desk), shared), `seed ${seed}`).toEqual(server);
    }
    const reviews = await ho.store.db.selectFrom('duplicate_reviews').select('id').execute();
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      // One decision per item at head office, and every alias points at a record that is not itself an alias.
      expect((await ho.store.db.selectFrom('duplicate_resolutions').select('id').where('review_id', '=', review.id).execute()).length).toBe(1);
    }
    const aliases = await ho.store.db.selectFrom('beneficiaries').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute();
    for (const alias of aliases) {
      expect((await ho.store.db.selectFrom('beneficiaries').select('merged_into').where('id', '=', alias.merged_into ?? '').executeTakeFirstOrThrow()).merged_into).toBeNull();
    }
    const server = await snapshot(ho.store.db, a.enrolment.branchId, []);

    const latest = new Map<string, Edit>();
    for (const e of edits) {
      const key = `${e.rowId}/${e.field}`;
      const seen = latest.get(key);
      if (!seen || e.hlc > seen.hlc) latest.set(key, e);
    }
    for (const e of latest.values()) {
      const row = server.beneficiaries.find((r) => r.id === e.rowId) as Record<string, unknown> | undefined;
      expect(row?.[e.field], `seed ${seed}: ${e.field} of ${e.rowId}`).toBe(e.value);
    }
    expect(edits.length).toBeGreaterThan(10);
    expect(server.beneficiaries).toHaveLength(3);
    expect(server.tickets).toHaveLength(issued);
    expect(server.events.length).toBeGreaterThanOrEqual(issued);
  }, 60_000);
});
