/**
 * Managers' report benchmark (issue 8: "with 200,000 beneficiaries, 500,000 requests and a year of
 * tickets: dashboard load p95 ≤ 500 ms; the monthly PDF ≤ 2 s for one branch and ≤ 5 s
 * association-wide"). Rows are written straight into a SQLite store over two branches (requests
 * spread over four years, a year of tickets at ~300 a day, decisions, deliveries, contacts), then
 * `reports.dashboard` and `reports.monthlyPdf` for the last full Hijri month are timed through the
 * real router. Figures, not assertions. SQLite only: the PostgreSQL run of the same queries is
 * checked for equal figures in tests/integration/reports.test.ts, not timed here.
 *
 *   npx tsx bench/reports.bench.ts      (BENCH_REQUESTS, BENCH_BENEFICIARIES, BENCH_TICKETS_PER_DAY, BENCH_RUNS to scale)
 */
import { uuidv7 } from 'uuidv7';
import { committeeDueDate } from '../src-shared/domain/committee-clock';
import { hijriMonthOf } from '../src-shared/domain/report-period';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { ms, timeEach } from './support/stats';
import { openBenchStore } from './support/bench-store';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500_000);
const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 200_000);
const TICKETS_PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DAY = 86_400_000;
const TYPES = ['financial_aid', 'food_basket', 'rent', 'school_needs', 'medical', 'visit_transport', 'legal_guidance', 'training_employment', 'other'];
const SERVICES = [['new_request', 'A'], ['follow_up', 'B'], ['delivery', 'C'], ['inquiry', 'D'], ['complaint', 'E']] as const;

async function main(): Promise<void> {
  const bench = await openBenchStore('reports');
  const { runtime, call } = bench;
  try {
    const hq = bench.branchId;
    const sabya = (await call<{ id: string }>('branches.create', { code: 'SB', nameAr: 'فرع صبيا', city: 'صبيا' })).id;
    const branches = [hq, sabya];
    const rng = new Rng(20261126);
    const sqlite = runtime.store.sqlite;

    let start = performance.now();
    const people = seedBeneficiaries(sqlite, hq, BENEFICIARIES, rng);
    console.log(`seeded ${BENEFICIARIES.toLocaleString('en')} beneficiaries in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    start = performance.now();
    const now = Date.now();
    const insertRequest = sqlite.prepare(`INSERT INTO support_requests (id, branch_id, beneficiary_id, request_type_code, state, submitted_at, due_date, clock_days, clock_mode, state_changed_at, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, 14, 'calendar', ?, ?, ?, ?)`);
    const insertDecision = sqlite.prepare(`INSERT INTO committee_decisions (id, branch_id, request_id, session_id, outcome, amount, items, schedule, installments, reason, missing, decided_by, decided_at, supersedes_id, created_at, updated_at, hlc)
      VALUES (?, ?, ?, NULL, 'accepted', 500, NULL, 'one_off', 1, NULL, NULL, 'bench', ?, NULL, ?, ?, ?)`);
    const insertTicket = sqlite.prepare(`INSERT INTO tickets (id, branch_id, service_day, service_code, prefix, seq, number, priority_code, priority_weight, state, beneficiary_id, issued_at, queued_at, called_at, serving_at, finished_at, recall_count, wait_seconds, service_seconds, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'none', 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`);
    const insertContact = sqlite.prepare(`INSERT INTO contacts (id, branch_id, beneficiary_id, channel, direction, contact_kind, subject, outcome, occurred_at, retracted, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, 'inbound', 'inquiry', 'استفسار', 'answered', ?, 0, ?, ?, ?)`);
    const channels = ['in_person_interview', 'phone', 'social_media', 'letters', 'help_request_services', 'volunteering', 'website', 'branch_representative'];
    let tickets = 0;
    sqlite.transaction(() => {
      for (let i = 0; i < REQUESTS; i += 1) {
        const ageDays = rng.int(4 * 365);
        const submittedAt = new Date(now - ageDays * DAY - rng.int(DAY));
        const at = submittedAt.toISOString();
        const decided = ageDays > 20;
        const state = ageDays < 30 && rng.next() < 0.5 ? 'under_study' : decided ? (rng.next() < 0.5 ? 'delivered' : 'closed') : 'submitted';
        const id = uuidv7();
        const branch = branches[i % 2]!;
        insertRequest.run(id, branch, rng.pick(people).id, TYPES[i % TYPES.length], state, at, committeeDueDate(submittedAt, { days: 14, mode: 'calendar' }), at, at, at, `${at}-${i}-bench`);
        if (state === 'delivered' || state === 'closed') {
          const decidedAt = new Date(submittedAt.getTime() + rng.int(20) * DAY).toISOString();
          insertDecision.run(uuidv7(), branch, id, decidedAt, decidedAt, decidedAt, `${decidedAt}-d${i}-bench`);
        }
      }
      for (let d = 365; d >= 0; d -= 1) {
        const day = new Date(now - d * DAY).toISOString().slice(0, 10);
        for (const branch of branches) {
          const seqs = new Map<string, number>();
          for (let k = 0; k < TICKETS_PER_DAY / 2; k += 1) {
            const [service, prefix] = SERVICES[k % SERVICES.length]!;
            const seq = (seqs.get(prefix) ?? 0) + 1;
            seqs.set(prefix, seq);
            const issued = new Date(Date.parse(`${day}T05:00:00Z`) + k * 60_000);
            const wait = 60 + rng.int(1800);
            const service_s = 120 + rng.int(1200);
            const at = issued.toISOString();
            const done = rng.next() < 0.9;
            insertTicket.run(uuidv7(), branch, day, service, prefix, seq, `${prefix}-${String(seq).padStart(3, '0')}`, done ? 'done' : 'no_show', rng.next() < 0.6 ? rng.pick(people).id : null,
              at, at, new Date(issued.getTime() + wait * 1000).toISOString(), done ? new Date(issued.getTime() + wait * 1000).toISOString() : null,
              done ? new Date(issued.getTime() + (wait + service_s) * 1000).toISOString() : null, done ? wait : null, done ? service_s : null, at, at, `${at}-t${tickets}-bench`);
            tickets += 1;
          }
        }
      }
      for (let i = 0; i < BENEFICIARIES; i += 1) {
        const at = new Date(now - rng.int(400) * DAY).toISOString();
        insertContact.run(uuidv7(), branches[i % 2], rng.pick(people).id, channels[i % channels.length], at, at, at, `${at}-c${i}-bench`);
      }
    })();
    sqlite.exec('ANALYZE');
    console.log(`seeded ${REQUESTS.toLocaleString('en')} requests, ${tickets.toLocaleString('en')} tickets (a year, two branches) and ${BENEFICIARIES.toLocaleString('en')} contacts in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    // The last full Hijri month before this one.
    const current = hijriMonthOf(new Date());
    const period = current.month === 1 ? { kind: 'hijri_month', year: current.year - 1, month: 12 } : { kind: 'hijri_month', year: current.year, month: current.month - 1 };
    const dashboard = await timeEach(Array.from({ length: RUNS }), () => call('reports.dashboard', { period }));
    console.log(`reports.dashboard, association-wide, over ${RUNS} runs: p50 ${ms(dashboard.p50)}, p95 ${ms(dashboard.p95)} (target p95 ≤ 500 ms)`);
    const compared = await timeEach(Array.from({ length: RUNS }), () => call('reports.dashboard', { period, compare: true }));
    console.log(`reports.dashboard, association-wide, with both comparisons (as the PDF reads it), over ${RUNS} runs: p50 ${ms(compared.p50)}, p95 ${ms(compared.p95)}`);
    const branchDashboard = await timeEach(Array.from({ length: RUNS }), () => call('reports.dashboard', { period, branchId: hq }));
    console.log(`reports.dashboard, one branch, over ${RUNS} runs: p50 ${ms(branchDashboard.p50)}, p95 ${ms(branchDashboard.p95)} (target p95 ≤ 500 ms)`);
    const pdfBranch = await timeEach(Array.from({ length: 5 }), () => call('reports.monthlyPdf', { period, branchId: hq }));
    console.log(`reports.monthlyPdf, one branch, 5 runs: p50 ${ms(pdfBranch.p50)}, p95 ${ms(pdfBranch.p95)} (target ≤ 2 s)`);
    const pdfAll = await timeEach(Array.from({ length: 5 }), () => call('reports.monthlyPdf', { period }));
    console.log(`reports.monthlyPdf, association-wide, 5 runs: p50 ${ms(pdfAll.p50)}, p95 ${ms(pdfAll.p95)} (target ≤ 5 s)`);
  } finally {
    await bench.close();
  }
}

await main();
