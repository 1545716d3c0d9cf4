/**
 * Managers' report benchmark (issue 8: "with 200,000 beneficiaries, 500,000 requests and a year of
 * tickets: dashboard load p95 ≤ 500 ms; the monthly PDF ≤ 2 s for one branch and ≤ 5 s
 * association-wide"). Rows are written straight into a SQLite store over two branches (requests
 * spread over four years, a year of tickets at ~300 a day, decisions, deliveries, contacts), then
 * `reports.dashboard` and `reports.monthlyPdf` for the last full Hijri month are timed through the
 * real router. With DATABASE_URL set, the same rows are copied into a fresh PostgreSQL database and
 * the head office's path (the same figures and PDF code, on its PostgreSQL store) is timed too.
 * Figures, not assertions (equal figures on both dialects are checked in tests/integration).
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
import { copyToPostgres } from './support/postgres-copy';
import type Sqlite from 'better-sqlite3-multiple-ciphers';
import type { ReportFilter } from '../src-shared/contract/reports';
import { buildDashboard, resolved } from '../src-main/services/reports-figures';
import { reportPdf } from '../src-main/services/reports';

/** What the report reads. */
const REPORT_TABLES = ['branches', 'users', 'request_types', 'beneficiaries', 'tickets', 'support_requests', 'committee_decisions', 'deliveries', 'contacts', 'survey_responses', 'outreach_tasks', 'complaints', 'settings'];

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500_000);
const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 200_000);
const TICKETS_PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DAY = 86_400_000;
const TYPES = ['financial_aid', 'food_basket', 'rent', 'school_needs', 'medical', 'visit_transport', 'legal_guidance', 'training_employment', 'other'];
const SERVICES = [['new_request', 'A'], ['follow_up', 'B'], ['delivery', 'C'], ['inquiry', 'D'], ['complaint', 'E']] as const;

/** The head office's report path (same figures and PDF code) on a PostgreSQL copy of the same rows. */
async function onPostgres(sqlite: Sqlite.Database, hq: string, period: ReportFilter['period'], url: string): Promise<void> {
  const start = performance.now();
  const copy = await copyToPostgres(sqlite, REPORT_TABLES, url);
  console.log(`PostgreSQL: copied the rows in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  try {
    const resolvedPeriod = resolved({ period, branchId: null, service: null });
    const today = new Date().toISOString().slice(0, 10);
    const scope = (branchId: string | null, compare: boolean) => ({ period: resolvedPeriod, branchId, branchName: { ar: 'فرع', en: 'Branch' }, service: null, today, compare });
    const all = await timeEach(Array.from({ length: RUNS }), () => buildDashboard(copy.store.db, scope(null, false)));
    console.log(`PostgreSQL dashboard, association-wide, over ${RUNS} runs: p50 ${ms(all.p50)}, p95 ${ms(all.p95)} (target p95 ≤ 500 ms)`);
    const one = await timeEach(Array.from({ length: RUNS }), () => buildDashboard(copy.store.db, scope(hq, false)));
    console.log(`PostgreSQL dashboard, one branch, over ${RUNS} runs: p50 ${ms(one.p50)}, p95 ${ms(one.p95)} (target p95 ≤ 500 ms)`);
    const pdf = async (branchId: string | null) => reportPdf(copy.store.db, await buildDashboard(copy.store.db, scope(branchId, true)), new Date(), 'bench');
    const pdfOne = await timeEach(Array.from({ length: 5 }), () => pdf(hq));
    console.log(`PostgreSQL monthly PDF, one branch, 5 runs: p50 ${ms(pdfOne.p50)}, p95 ${ms(pdfOne.p95)} (target ≤ 2 s)`);
    const pdfAll = await timeEach(Array.from({ length: 5 }), () => pdf(null));
    console.log(`PostgreSQL monthly PDF, association-wide, 5 runs: p50 ${ms(pdfAll.p50)}, p95 ${ms(pdfAll.p95)} (target ≤ 5 s)`);
  } finally {
    await copy.drop();
  }
}

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
    if (process.env.DATABASE_URL) await onPostgres(sqlite, hq, period as ReportFilter['period'], process.env.DATABASE_URL);
    else console.log('PostgreSQL: skipped (set DATABASE_URL to time the head office on PostgreSQL)');
  } finally {
    await bench.close();
  }
}

await main();
