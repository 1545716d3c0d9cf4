/**
 * Registry benchmark (npm run bench): 200,000 generated beneficiaries; search-as-you-type and the
 * duplicate check through the real router, the full duplicate pass, and the same searches done as a
 * naive LIKE '%…%' scan in the same run, printed as a ratio. Figures, not assertions.
 */
import type Sqlite from 'better-sqlite3-multiple-ciphers';
import { withCheckDigit } from '../src-shared/domain/national-id';
import { findAllDuplicatePairs } from '../src-main/services/duplicate-pass';
import { Rng, spellingVariant } from './support/saudi-names';
import { seedBeneficiaries, type SeededPerson } from './support/seed-store';
import { ms, timeEach } from './support/stats';
import { openBenchStore } from './support/bench-store';

const COUNT = Number(process.env.BENCH_BENEFICIARIES ?? 200_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);

function searchQueries(rng: Rng, people: SeededPerson[]): string[] {
  const queries: string[] = [];
  for (let i = 0; i < QUERIES; i += 1) {
    const p = rng.pick(people);
    const kind = i % 5;
    if (kind === 0) queries.push(spellingVariant(rng, p.firstName).slice(0, 2 + rng.int(3)));
    else if (kind === 1) queries.push(`${spellingVariant(rng, p.firstName)} ${p.familyName.replace(/^ال/, '').slice(0, 3)}`);
    else if (kind === 2) queries.push(`${p.fatherName} ${p.grandfatherName.slice(0, 3)}`);
    else if (kind === 3) queries.push(p.nationalId.slice(0, 4 + rng.int(7)));
    else queries.push(`0${p.phone.slice(4, 8 + rng.int(6))}`);
  }
  return queries;
}

/**
 * The peer: what a registry without an index does — every word as LIKE '%word%' over the columns.
 * `order` = 'recent' lists the newest first, like our search (it may stop at the 20th hit);
 * `order` = 'none' takes the first 20 hits in table order (the cheapest a LIKE scan can be).
 */
function likeScan(sqlite: Sqlite.Database, order: 'recent' | 'none') {
  const cache = new Map<number, Sqlite.Statement>();
  return (query: string) => {
    const words = query.split(/\s+/).filter(Boolean);
    let statement = cache.get(words.length);
    if (!statement) {
      const where = words
        .map(() => "(first_name || ' ' || father_name || ' ' || grandfather_name || ' ' || family_name || ' ' || coalesce(national_id, '') || ' ' || coalesce(phone_primary, '') LIKE ?)")
        .join(' AND ');
      statement = sqlite.prepare(`SELECT id, first_name, father_name, grandfather_name, family_name, national_id, phone_primary FROM beneficiaries WHERE ${where}${order === 'recent' ? ' ORDER BY rowid DESC' : ''} LIMIT 20`);
      cache.set(words.length, statement);
    }
    return statement.all(...words.map((w) => `%${w.replace(/^0(?=5)/, '')}%`));
  };
}

async function main(): Promise<void> {
  const bench = await openBenchStore('registry');
  const { runtime, call } = bench;
  try {
    const rng = new Rng(20261126);
    let start = performance.now();
    const people = seedBeneficiaries(runtime.store.sqlite, bench.branchId, COUNT, rng);
    runtime.store.sqlite.exec("INSERT INTO beneficiary_search(beneficiary_search) VALUES ('optimize'); ANALYZE;");
    console.log(`seeded ${COUNT.toLocaleString('en')} beneficiaries in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const queries = searchQueries(rng, people);
    for (const q of queries.slice(0, 50)) await call('beneficiaries.search', { query: q }); // warm up
    const search = await timeEach(queries, (q) => call('beneficiaries.search', { query: q, limit: 20 }));
    const like = likeScan(runtime.store.sqlite, 'recent');
    for (const q of queries.slice(0, 20)) like(q);
    const naive = await timeEach(queries, (q) => like(q));
    const likeUnordered = likeScan(runtime.store.sqlite, 'none');
    const naiveUnordered = await timeEach(queries, (q) => likeUnordered(q));

    const drafts = Array.from({ length: QUERIES }, (_, i) => {
      const p = rng.pick(people);
      return {
        firstName: spellingVariant(rng, p.firstName),
        fatherName: p.fatherName,
        grandfatherName: p.grandfatherName,
        familyName: p.familyName,
        idType: 'national_id',
        nationalId: withCheckDigit(`1${String(i).padStart(8, '0')}`),
        nationality: 'SA',
        gender: p.gender,
        phonePrimary: i % 3 === 0 ? p.phone : null,
      };
    });
    const duplicates = await timeEach(drafts, (d) => call('beneficiaries.checkDuplicates', { beneficiary: d }));

    start = performance.now();
    const pass = await findAllDuplicatePairs(runtime.store.db);
    const passSeconds = (performance.now() - start) / 1000;
    const memory = process.memoryUsage();

    console.log('');
    console.log(`search as you type (${QUERIES} queries: name fragments, IDs, phones; through the router)`);
    console.log(`  FTS5:          p50 ${ms(search.p50)}  p95 ${ms(search.p95)}   target p95 <= 10 ms`);
    console.log(`  LIKE '%…%', newest first:  p50 ${ms(naive.p50)}  p95 ${ms(naive.p95)}   (peer, same run, bare SQL without the router)`);
    console.log(`  LIKE '%…%', table order:   p50 ${ms(naiveUnordered.p50)}  p95 ${ms(naiveUnordered.p95)}   (peer, cheapest form)`);
    console.log(`  ratio vs newest-first LIKE: p50 ${(naive.p50 / search.p50).toFixed(1)}x  p95 ${(naive.p95 / search.p95).toFixed(1)}x  mean ${(naive.mean / search.mean).toFixed(1)}x   target >= 20x`);
    console.log(`  ratio vs table-order LIKE:  p50 ${(naiveUnordered.p50 / search.p50).toFixed(1)}x  p95 ${(naiveUnordered.p95 / search.p95).toFixed(1)}x  mean ${(naiveUnordered.mean / search.mean).toFixed(1)}x`);
    console.log(`duplicate check on save (${QUERIES} drafts, through the router)`);
    console.log(`  p50 ${ms(duplicates.p50)}  p95 ${ms(duplicates.p95)}   target p95 <= 50 ms`);
    console.log('full-store duplicate pass (blocking)');
    console.log(`  ${passSeconds.toFixed(1)} s, ${pass.pairs.length.toLocaleString('en')} pairs, ${pass.blocksSkipped} oversized blocks skipped   target <= 60 s`);
    console.log(`memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await bench.close();
  }
}

void main();
