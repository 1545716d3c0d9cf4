/**
 * Audit viewer benchmark (issue 9, part 5: "the audit log can be large — use indexes"). A year of
 * audit entries (a valid hash chain, 20 users over 3 branches, 30 actions, 50,000 subjects) is
 * written straight into a store; `audit.list` is timed through the real router for each filter the
 * viewer offers, first with migration 0014's indexes and then, as the peer, with them dropped (the
 * store as it was before). `audit.verify` (the whole chain) and a 50,000-row XLSX export are timed once.
 *
 *   npx tsx bench/audit.bench.ts      (BENCH_AUDIT_ROWS, BENCH_RUNS to scale)
 */
import { uuidv7 } from 'uuidv7';
import { auditRowHash, GENESIS_HASH } from '../src-main/store/audit-log';
import { openBenchStore } from './support/bench-store';
import { ms, timeEach } from './support/stats';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const INDEXES = [
  ['audit_log_user_ix', 'user_id, seq'],
  ['audit_log_action_ix', 'action, seq'],
  ['audit_log_branch_ix', 'branch_id, seq'],
  ['audit_log_subject_ix', 'entity, entity_id, seq'],
  ['audit_log_at_ix', 'at'],
] as const;

async function main(): Promise<void> {
  const bench = await openBenchStore('audit');
  const sqlite = bench.runtime.store.sqlite;
  const branches = [bench.branchId, uuidv7(), uuidv7()];
  const users = Array.from({ length: 20 }, () => uuidv7());
  const subjects = Array.from({ length: 50_000 }, () => uuidv7());
  const actions = Array.from({ length: 30 }, (_, i) => (i === 0 ? 'beneficiaries.reveal' : i === 1 ? 'beneficiaries.get' : `area${i}.verb`));

  const start = performance.now();
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  let previous = last?.hash ?? GENESIS_HASH;
  const insert = sqlite.prepare('INSERT INTO audit_log (id, branch_id, user_id, action, entity, entity_id, detail, at, hlc, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const yearAgo = Date.now() - 365 * 86_400_000;
  sqlite.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      const user = i % users.length;
      const action = actions[(i * 7) % actions.length]!;
      const about = action.startsWith('beneficiaries') || i % 3 === 0;
      const row = {
        id: uuidv7(),
        branch_id: branches[user % branches.length]!,
        user_id: users[user]!,
        action,
        entity: about ? 'beneficiary' : null,
        entity_id: about ? subjects[(i * 13) % subjects.length]! : null,
        detail: action === 'beneficiaries.reveal' ? '{"field":"nationalId"}' : null,
        at: new Date(yearAgo + Math.floor((i / ROWS) * 365 * 86_400_000)).toISOString(),
        hlc: `${String(i).padStart(12, '0')}`,
        prev_hash: previous,
      };
      previous = auditRowHash(row);
      insert.run(row.id, row.branch_id, row.user_id, row.action, row.entity, row.entity_id, row.detail, row.at, row.hlc, row.prev_hash, previous);
    }
  })();
  sqlite.exec('ANALYZE');
  console.log(`seeded ${ROWS.toLocaleString('en')} audit entries in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  const month = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  const monthEnd = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const cases: Array<[name: string, input: Record<string, unknown>]> = [
    ['newest page, no filter', {}],
    ['one user', { userId: users[3] }],
    ['one action (reveals)', { action: 'beneficiaries.reveal' }],
    ['one beneficiary', { beneficiaryId: subjects[42] }],
    ['one branch', { branchId: branches[1] }],
    ['a month', { from: month, to: monthEnd }],
    ['user + action + month', { userId: users[0], action: 'beneficiaries.get', from: month, to: monthEnd }],
    ['page 40 of one user', { userId: users[5], page: 40 }],
  ];
  const timeAll = async () => {
    const out: number[] = [];
    for (const [, input] of cases) out.push((await timeEach(Array.from({ length: RUNS }), () => bench.call('audit.list', input))).p95);
    return out;
  };
  const indexed = await timeAll();
  for (const [name] of INDEXES) sqlite.exec(`DROP INDEX ${name}`);
  sqlite.exec('ANALYZE');
  const plain = await timeAll();
  console.log(`audit.list p95 over ${RUNS} runs, with the 0014 indexes vs without (the peer):`);
  cases.forEach(([name], i) => console.log(`  ${name.padEnd(24)} ${ms(indexed[i]!).padStart(12)}  vs ${ms(plain[i]!).padStart(12)}  (×${(plain[i]! / indexed[i]!).toFixed(1)})`));
  for (const [name, columns] of INDEXES) sqlite.exec(`CREATE INDEX ${name} ON audit_log (${columns})`);

  const verify = await timeEach([0], () => bench.call('audit.verify', {}));
  console.log(`audit.verify over ${ROWS.toLocaleString('en')} entries: ${ms(verify.p50)}`);
  const exported = await timeEach([0], () => bench.call('audit.export', { format: 'xlsx' }));
  console.log(`audit.export XLSX (50,000 newest entries): ${ms(exported.p50)}`);
  await bench.close();
}

void main();
