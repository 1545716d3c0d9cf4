/**
 * Committee board and outreach benchmark (issue 6: "committee board and outreach evaluation over
 * 500,000 requests and 200,000 beneficiaries: board load p95 ≤ 100 ms; a full outreach evaluation
 * pass ≤ 5 s"). Requests are written straight into the store (states spread as a store of several
 * years would hold them: most closed or delivered, a few thousand with the committee, release dates
 * and deliveries scattered), then `committee.board` (which also runs the clock check) and
 * `outreach.evaluate` are timed through the real router. Figures, not assertions.
 *
 *   npx tsx bench/committee.bench.ts            (BENCH_REQUESTS, BENCH_BENEFICIARIES, BENCH_RUNS to scale)
 */
import { uuidv7 } from 'uuidv7';
import { committeeDueDate } from '../src-shared/domain/committee-clock';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { ms, timeEach } from './support/stats';
import { openBenchStore } from './support/bench-store';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500_000);
const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const DAY = 86_400_000;
const TYPES = ['financial_aid', 'food_basket', 'rent', 'school_needs', 'medical', 'visit_transport', 'legal_guidance', 'training_employment', 'other'];

async function main(): Promise<void> {
  const bench = await openBenchStore('committee');
  const { runtime, call } = bench;
  try {
    const branchId = bench.branchId;
    const rng = new Rng(20261126);
    const sqlite = runtime.store.sqlite;

    let start = performance.now();
    const people = seedBeneficiaries(sqlite, branchId, BENEFICIARIES, rng);
    console.log(`seeded ${BENEFICIARIES.toLocaleString('en')} beneficiaries in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    start = performance.now();
    const now = Date.now();
    const insertRequest = sqlite.prepare(`INSERT INTO support_requests (id, branch_id, beneficiary_id, request_type_code, state, expected_release_date,
      submitted_at, due_date, clock_days, clock_mode, state_changed_at, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 14, 'calendar', ?, ?, ?, ?)`);
    const insertDelivery = sqlite.prepare(`INSERT INTO deliveries (id, branch_id, request_id, decision_id, amount, items, place, delivered_by, delivered_at, signer_name, signature_attachment_id, form_id, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, 500, 'سلة غذائية', 'المقر', 'bench', ?, 'المستفيد', ?, NULL, ?, ?, ?)`);
    const insertDecision = sqlite.prepare(`INSERT INTO committee_decisions (id, branch_id, request_id, session_id, outcome, amount, items, schedule, installments, reason, missing, decided_by, decided_at, supersedes_id, created_at, updated_at, hlc)
      VALUES (?, ?, ?, NULL, 'accepted', 500, NULL, 'one_off', 1, NULL, NULL, 'bench', ?, NULL, ?, ?, ?)`);
    const insertContact = sqlite.prepare(`INSERT INTO contacts (id, branch_id, beneficiary_id, channel, direction, contact_kind, subject, outcome, occurred_at, retracted, created_at, updated_at, hlc)
      VALUES (?, ?, ?, 'phone', 'inbound', 'inquiry', 'استفسار', 'answered', ?, 0, ?, ?, ?)`);
    // One signature attachment row the deliveries point at (its file is not needed for the pass).
    const attachmentId = uuidv7();
    const stampNow = new Date(now).toISOString();
    sqlite.prepare(`INSERT INTO attachments (id, branch_id, sha256, mime_type, size_bytes, kind, created_by, created_at, updated_at, hlc) VALUES (?, ?, ?, 'image/png', 1, 'signature', NULL, ?, ?, ?)`).run(attachmentId, branchId, 'f'.repeat(64), stampNow, stampNow, `${stampNow}-bench`);
    let open = 0;
    let deliveries = 0;
    sqlite.transaction(() => {
      for (let i = 0; i < REQUESTS; i += 1) {
        // Submitted up to four years ago; the last 30 days' requests are still with the committee.
        const ageDays = rng.next() < 0.02 ? rng.int(30) : 30 + rng.int(4 * 365);
        const submittedAt = new Date(now - ageDays * DAY - rng.int(DAY));
        const state = ageDays < 30 ? (rng.next() < 0.5 ? 'submitted' : 'under_study') : rng.next() < 0.6 ? 'closed' : rng.next() < 0.5 ? 'delivered' : 'decided_rejected';
        if (ageDays < 30) open += 1;
        const release = rng.next() < 0.3 ? new Date(now + (rng.int(720) - 360) * DAY).toISOString().slice(0, 10) : null;
        const at = submittedAt.toISOString();
        const id = uuidv7();
        insertRequest.run(id, branchId, rng.pick(people).id, TYPES[i % TYPES.length], state, release, at, committeeDueDate(submittedAt, { days: 14, mode: 'calendar' }), at, at, at, `${at}-${i}-bench`);
        if (state === 'delivered') {
          const decision = uuidv7();
          const deliveredAt = new Date(submittedAt.getTime() + 20 * DAY).toISOString();
          insertDecision.run(decision, branchId, id, at, at, at, `${at}-d${i}-bench`);
          insertDelivery.run(uuidv7(), branchId, id, decision, deliveredAt, attachmentId, deliveredAt, deliveredAt, `${deliveredAt}-v${i}-bench`);
          deliveries += 1;
        }
      }
      for (let i = 0; i < BENEFICIARIES; i += 1) {
        const at = new Date(now - rng.int(400) * DAY).toISOString();
        insertContact.run(uuidv7(), branchId, rng.pick(people).id, at, at, at, `${at}-c${i}-bench`);
      }
    })();
    sqlite.exec('ANALYZE');
    console.log(`seeded ${REQUESTS.toLocaleString('en')} requests (${open.toLocaleString('en')} with the committee, ${deliveries.toLocaleString('en')} delivered) and ${BENEFICIARIES.toLocaleString('en')} contacts in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    start = performance.now();
    const first = await call<{ items: unknown[] }>('committee.board', {});
    console.log(`first board load (writes this day's warnings and escalations): ${ms(performance.now() - start)}, ${first.items.length} rows shown`);
    const notifications = (sqlite.prepare('SELECT count(*) AS n FROM committee_notifications').get() as { n: number }).n;
    console.log(`clock notifications written: ${notifications.toLocaleString('en')}`);
    const board = await timeEach(Array.from({ length: RUNS }), () => call('committee.board', {}));
    console.log(`committee.board (clock check + 200 earliest deadlines) over ${RUNS} runs: p50 ${ms(board.p50)}, p95 ${ms(board.p95)} (target p95 ≤ 100 ms)`);

    start = performance.now();
    const pass1 = await call<{ created: number }>('outreach.evaluate', {});
    console.log(`outreach pass, first (creates tasks): ${((performance.now() - start) / 1000).toFixed(2)} s, ${pass1.created.toLocaleString('en')} tasks (target ≤ 5 s)`);
    start = performance.now();
    const pass2 = await call<{ created: number }>('outreach.evaluate', {});
    console.log(`outreach pass, next morning's re-run (nothing new): ${((performance.now() - start) / 1000).toFixed(2)} s, ${pass2.created} tasks`);

    // A seasonal programme falling due (its day five days ahead): the first pass calls every
    // household with an accepted case once; the next morning's pass finds them all called.
    const soon = new Date(now + 5 * DAY);
    await call('outreach.saveSeason', { code: 'eid_al_fitr_gift', season: 'eid_al_fitr', calendar: 'gregorian', month: soon.getUTCMonth() + 1, day: Math.min(soon.getUTCDate(), 28), leadDays: 10, eligibility: 'accepted_case', channel: 'phone', script: 'السلام عليكم، يقترب العيد.', active: true });
    start = performance.now();
    const seasonal = await call<{ created: number }>('outreach.evaluate', {});
    console.log(`outreach pass with a seasonal programme falling due: ${((performance.now() - start) / 1000).toFixed(2)} s, ${seasonal.created.toLocaleString('en')} tasks`);
    start = performance.now();
    const seasonalAgain = await call<{ created: number }>('outreach.evaluate', {});
    console.log(`outreach pass, next morning within the programme's lead time (nothing new): ${((performance.now() - start) / 1000).toFixed(2)} s, ${seasonalAgain.created} tasks`);
  } finally {
    await bench.close();
  }
}

await main();
