import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { ADMIN_PASSWORD, Caller, TEST_STORE_KEY, setUpStore, silentLogger, userOf } from './support/test-runtime';

/**
 * Power cuts during real work: a child process makes 1,000 writes through the router (registrations,
 * edits, autosaved interview drafts) on an encrypted store and reports each one after it committed;
 * the test kills it with SIGKILL at seeded random points, reopens the store with its key each time and
 * checks that nothing reported is lost and nothing is half there. `CRASH_SEED=<n>` replays a run.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const TOTAL_WRITES = 1000;
const DESK_PASSWORD = 'second-password-2';

/** mulberry32: a small seeded generator, so a failing run can be replayed from its printed seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the children reported as committed, across every round. */
type Reported = { registered: Map<number, string>; lastEdit: Map<string, number>; lastDraft: number; writes: number };

type Round = { lastReported: number | null; finished: boolean };

/** Runs writes `first`..TOTAL-1 in a child; kills it after `killAfter` reported writes and a few more milliseconds. */
function runChild(storePath: string, interviewId: string, first: number, killAfter: number, delayMs: number, reported: Reported): Promise<Round> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/integration/support/crash-writer.ts', storePath, 'crashdesk', DESK_PASSWORD, interviewId, String(first), String(TOTAL_WRITES - 1)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let buffered = '';
  let seen = 0;
  const round: Round = { lastReported: null, finished: false };
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, n, id] = line.split(' ');
      if (kind === 'done') {
        round.finished = true;
        continue;
      }
      const index = Number(n);
      if (kind === 'R') reported.registered.set(index, id!);
      if (kind === 'E') reported.lastEdit.set(id!, index);
      if (kind === 'D') reported.lastDraft = index;
      reported.writes += 1;
      round.lastReported = index;
      seen += 1;
      if (seen === killAfter) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || (code === 0 && round.finished)) resolve(round);
      else reject(new Error(`crash writer failed (${code ?? signal}): ${stderr}`));
    });
  });
}

const count = (runtime: Awaited<ReturnType<typeof openRuntime>>, sql: string) => (runtime.store.sqlite.prepare(sql).get() as { n: number }).n;

/** Reopens the store with its key and checks it against what was reported; `kills` bounds the writes that may have committed unreported. */
async function checkStore(storePath: string, interviewId: string, reported: Reported, kills: number): Promise<void> {
  const runtime = await openRuntime({ storePath, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  try {
    expect(runtime.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const admin = new Caller(runtime);
    await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect((await admin.call('audit.verify', {})).ok).toBe(true);

    // Every reported registration is there, with its latest reported edit (or a later, unreported one).
    const notes = new Map(
      (runtime.store.sqlite.prepare('SELECT id, notes FROM beneficiaries').all() as Array<{ id: string; notes: string | null }>).map((r) => [r.id, r.notes]),
    );
    for (const id of reported.registered.values()) expect(notes.has(id)).toBe(true);
    for (const [id, n] of reported.lastEdit) expect(Number(notes.get(id)?.replace('write-', ''))).toBeGreaterThanOrEqual(n);
    const beneficiaries = notes.size;
    expect(beneficiaries).toBeGreaterThanOrEqual(reported.registered.size);
    expect(beneficiaries).toBeLessThanOrEqual(reported.registered.size + kills);

    // No half-written record: each row has its change-log entry, its audit entry and its search entry.
    const registeredAudit = count(runtime, "SELECT count(DISTINCT entity_id) AS n FROM audit_log WHERE action = 'beneficiaries.register'");
    const insertLog = count(runtime, "SELECT count(*) AS n FROM change_log WHERE table_name = 'beneficiaries' AND op = 'insert'");
    expect([registeredAudit, insertLog, count(runtime, 'SELECT count(*) AS n FROM beneficiary_search')]).toEqual([beneficiaries, beneficiaries, beneficiaries]);
    expect(count(runtime, `SELECT count(*) AS n FROM beneficiaries b WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'beneficiaries.register' AND a.entity_id = b.id)`)).toBe(0);
    expect(count(runtime, "SELECT count(*) AS n FROM audit_log WHERE action = 'beneficiaries.update'")).toBe(
      count(runtime, "SELECT count(*) AS n FROM change_log WHERE table_name = 'beneficiaries' AND op = 'update'"),
    );

    // The autosaved draft holds the latest reported save (or a later one); the completed step is kept.
    const desk = new Caller(runtime);
    await desk.call('auth.login', { username: 'crashdesk', password: DESK_PASSWORD });
    const interview = await desk.call('interviews.get', { id: interviewId });
    expect(interview.currentStep).toBe('data_verification');
    expect(interview.inquiryQuestions).toBe('سؤال');
    if (reported.lastDraft >= 0) {
      expect(interview.draft).toMatchObject({ step: 'data_verification', data: { prisonName: 'سجن جازان العام' } });
      expect(Number((interview.draft?.data as { monthlyIncome?: number }).monthlyIncome)).toBeGreaterThanOrEqual(reported.lastDraft);
    }
  } finally {
    await runtime.close();
  }
}

describe('crash safety', () => {
  it('loses no committed write and leaves no half record when killed at random points during 1,000 writes', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    console.log(`crash-safety seed: ${seed} (replay with CRASH_SEED=${seed})`);
    const random = seeded(seed);

    const s = await setUpStore();
    const storePath = join(s.dir, 'mamen.sqlite');
    const { branches } = await s.admin.call('branches.list', {});
    const desk = await userOf(s, 'reception', branches[0]!.id, 'crashdesk');
    const interview = await desk.call('interviews.start', {});
    await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    await s.runtime.close();

    const reported: Reported = { registered: new Map(), lastEdit: new Map(), lastDraft: -1, writes: 0 };
    let next = 0;
    let kills = 0;
    while (next < TOTAL_WRITES) {
      const killAfter = 120 + Math.floor(random() * 200);
      const round = await runChild(storePath, interview.id, next, killAfter, Math.floor(random() * 6), reported);
      if (round.finished) break;
      kills += 1;
      // The write after the last reported one may or may not have committed: carry on from the next group of four.
      const uncertain = (round.lastReported ?? next - 1) + 1;
      next = (Math.floor(uncertain / 4) + 1) * 4;
      await checkStore(storePath, interview.id, reported, kills);
    }
    await checkStore(storePath, interview.id, reported, kills);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(reported.writes).toBeGreaterThan(TOTAL_WRITES * 0.8);
    rmSync(s.dir, { recursive: true, force: true });
    // Each write commits with a full fsync; the bound leaves room for a machine shared with other work.
  }, 150_000);
});
