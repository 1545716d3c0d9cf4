import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { updateTravelling } from '../../src-main/store/row-writer';
import { pullChanges } from '../../src-main/sync/engine';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * Randomised convergence: three desks of one branch and a head office; random edits, pushes whose
 * replies are lost (so the desk sends again), duplicated and reordered deliveries, pulls, restarts
 * and desks that stay away for a while; then everyone syncs. Every store must hold the same rows,
 * and each field the value of its latest edit. Reproduce a failure with SYNC_SEED=<printed seed>.
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

async function snapshot(db: Desk['runtime']['store']['db'] | HeadOfficeHarness['store']['db']) {
  const beneficiaries = await db.selectFrom('beneficiaries').select(['id', 'branch_id', 'first_name', 'national_id', ...FIELDS, 'hlc', 'updated_at']).orderBy('id').execute();
  const tickets = await db.selectFrom('tickets').select(['id', 'number', 'state', 'hlc']).orderBy('id').execute();
  const events = await db.selectFrom('ticket_events').selectAll().orderBy('id').execute();
  return { beneficiaries, tickets, events };
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

    const edits: Edit[] = [];
    let issued = 0;
    const steps = dialect === 'postgres' ? 60 : 90;
    for (let step = 0; step < steps; step += 1) {
      const desk = pick(desks);
      const roll = rand();
      if (roll < 0.45) {
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
      // otherwise this desk stays away this round (a partition)
    }

    // Heal: everyone pushes, then everyone pulls what the others pushed.
    for (const desk of desks) await desk.sync();
    for (const desk of desks) await desk.sync();

    const server = await snapshot(ho.store.db);
    for (const desk of desks) expect(await snapshot(desk.runtime.store.db)).toEqual(server);

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
