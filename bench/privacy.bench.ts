/**
 * Personal-data rights benchmark: how long the retention job's dry run takes over a large registry
 * (it reads every file's last activity once a day), and a subject's data copy (JSON and Arabic PDF).
 * Peer: the same "last activity per beneficiary" read as one statement with a correlated MAX subquery
 * per area for every beneficiary (run on the raw driver), against the store's one grouped query per
 * area merged in memory (through Kysely, as the job runs it). Figures, not assertions (equal facts on
 * SQLite and PostgreSQL are checked in the tests).
 *
 *   npx tsx bench/privacy.bench.ts      (BENCH_BENEFICIARIES, BENCH_RUNS to scale)
 */
import { uuidv7 } from 'uuidv7';
import { retentionFacts } from '../src-main/store/privacy-retention';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { ms, timeEach } from './support/stats';
import { openBenchStore } from './support/bench-store';

const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const YEAR = 365 * 86_400_000;

const AREAS: ReadonlyArray<readonly [string, string]> = [
  ['household_members', 'updated_at'], ['support_requests', 'updated_at'], ['interviews', 'updated_at'], ['contacts', 'occurred_at'],
  ['tickets', 'issued_at'], ['complaints', 'updated_at'], ['survey_responses', 'answered_at'], ['signed_forms', 'issued_at'],
  ['privacy_exports', 'requested_at'], ['privacy_corrections', 'received_at'], ['privacy_consents', 'recorded_at'],
];

/** The peer: the same facts in one statement, a correlated MAX subquery per area for every beneficiary. */
const CORRELATED = `SELECT b.id, b.updated_at,
  ${AREAS.map(([table, at], i) => `(SELECT MAX(x.${at}) FROM ${table} x WHERE x.beneficiary_id = b.id) AS a${i}`).join(',\n  ')},
  (SELECT MAX(d.delivered_at) FROM support_requests r JOIN deliveries d ON d.request_id = r.id WHERE r.beneficiary_id = b.id) AS delivered,
  (SELECT COUNT(*) FROM support_requests r WHERE r.beneficiary_id = b.id) AS requests,
  (SELECT COUNT(*) FROM support_requests r WHERE r.beneficiary_id = b.id AND r.state <> 'closed') AS open_requests
FROM beneficiaries b WHERE NOT EXISTS (SELECT 1 FROM privacy_anonymisations p WHERE p.beneficiary_id = b.id)`;

async function main(): Promise<void> {
  const store = await openBenchStore('privacy');
  try {
    const sqlite = store.runtime.store.sqlite;
    const rng = new Rng(9);
    const seedStart = performance.now();
    const people = seedBeneficiaries(sqlite, store.branchId, BENEFICIARIES, rng);
    // Half the registry has a request: a third of those closed long ago, the rest recent; a contact for every fourth person.
    const now = Date.now();
    const insertRequest = sqlite.prepare(`INSERT INTO support_requests (id, branch_id, beneficiary_id, request_type_code, state, state_changed_at, created_at, updated_at, hlc)
      VALUES (?, ?, ?, 'rent', ?, ?, ?, ?, ?)`);
    const insertContact = sqlite.prepare(`INSERT INTO contacts (id, branch_id, beneficiary_id, channel, direction, contact_kind, subject, outcome, occurred_at, retracted, created_at, updated_at, hlc)
      VALUES (?, ?, ?, 'phone', 'inbound', 'inquiry', 'استفسار', 'answered', ?, 0, ?, ?, ?)`);
    const old = new Date(now - 12 * YEAR).toISOString();
    sqlite.prepare('UPDATE beneficiaries SET updated_at = ?').run(old);
    sqlite.transaction(() => {
      people.forEach((person, i) => {
        if (i % 2 === 0) {
          const closed = i % 6 === 0;
          const at = closed ? old : new Date(now - rng.int(3 * 365) * 86_400_000).toISOString();
          insertRequest.run(uuidv7(), store.branchId, person.id, closed ? 'closed' : 'submitted', at, at, at, `bench-${i}`);
        }
        if (i % 4 === 1) {
          const at = new Date(now - rng.int(15 * 365) * 86_400_000).toISOString();
          insertContact.run(uuidv7(), store.branchId, person.id, at, at, at, `bench-c-${i}`);
        }
      });
    })();
    sqlite.exec('ANALYZE');
    console.log(`seeded ${BENEFICIARIES.toLocaleString('en')} beneficiaries, requests and contacts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    await store.call('privacy.saveRetentionSettings', { rules: [{ code: 'closed_cases', years: 10, active: true }, { code: 'registered_only', years: 10, active: true }], correctionDays: 30 });
    let total = 0;
    const job = await timeEach(Array.from({ length: RUNS }), async () => {
      total = (await store.call<{ total: number }>('privacy.retentionPreview', {})).total;
    });
    console.log(`retention dry run through the router over ${RUNS} runs: p50 ${ms(job.p50)}, p95 ${ms(job.p95)}; ${total.toLocaleString('en')} files would be anonymised`);
    let people2 = 0;
    const ours = await timeEach(Array.from({ length: RUNS }), async () => {
      people2 = (await retentionFacts(store.runtime.store.db, ['closed'])).length;
    });
    console.log(`last activity per file, grouped reads per area merged in memory (ours): p50 ${ms(ours.p50)}, p95 ${ms(ours.p95)} (${people2.toLocaleString('en')} files)`);
    const correlated = sqlite.prepare(CORRELATED);
    let rows = 0;
    const peer = await timeEach(Array.from({ length: RUNS }), () => {
      rows = correlated.all().length;
    });
    console.log(`peer: one statement, a correlated subquery per area (raw driver): p50 ${ms(peer.p50)}, p95 ${ms(peer.p95)} (${rows.toLocaleString('en')} files)`);
    console.log(`ratio peer / ours (p50): ${(peer.p50 / ours.p50).toFixed(2)}×`);

    const subject = people[0]!.id;
    const request = await store.call<{ id: string }>('privacy.requestExport', { beneficiaryId: subject, channel: 'phone' });
    const json = await timeEach(Array.from({ length: RUNS }), () => store.call('privacy.export', { requestId: request.id, format: 'json' }));
    const pdf = await timeEach(Array.from({ length: RUNS }), () => store.call('privacy.export', { requestId: request.id, format: 'pdf' }));
    console.log(`data copy of one beneficiary: JSON p50 ${ms(json.p50)}, PDF p50 ${ms(pdf.p50)} (p95 ${ms(pdf.p95)})`);
  } finally {
    await store.close();
  }
}

await main();
