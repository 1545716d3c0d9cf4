/**
 * Case timeline benchmark (issue 4: "case timeline of a beneficiary with 500 events, p95 ≤ 50 ms").
 * One beneficiary gets 500 events through the API a desk uses (contacts, record edits, household
 * members added and removed), among 20,000 other beneficiaries and 40,000 other contacts so the
 * indexes, not luck, find them. Then `timeline.forBeneficiary` is timed through the real router
 * (session, validation, every source query, merge, output check): the whole 500 at once, and the
 * 200-event first page the profile asks for. Figures, not assertions.
 */
import { uuidv7 } from 'uuidv7';
import { withCheckDigit } from '../src-shared/domain/national-id';
import { CONTACT_CHANNEL_CODES } from '../src-shared/domain/contact-channels';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { ms, timeEach } from './support/stats';
import { openBenchStore } from './support/bench-store';

const OTHER_BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 20_000);
const OTHER_CONTACTS = OTHER_BENEFICIARIES * 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

async function main(): Promise<void> {
  const bench = await openBenchStore('timeline');
  const { runtime, call } = bench;
  try {
    const branchId = bench.branchId;
    const rng = new Rng(20261126);

    let start = performance.now();
    const others = seedBeneficiaries(runtime.store.sqlite, branchId, OTHER_BENEFICIARIES, rng);
    const insert = runtime.store.sqlite.prepare(`INSERT INTO contacts (id, branch_id, beneficiary_id, channel, direction, contact_kind, subject, outcome, occurred_at, retracted, created_at, updated_at, hlc)
      VALUES (?, ?, ?, ?, 'inbound', 'inquiry', 'استفسار', 'answered', ?, 0, ?, ?, ?)`);
    runtime.store.sqlite.transaction(() => {
      for (let i = 0; i < OTHER_CONTACTS; i += 1) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
        insert.run(uuidv7(), branchId, rng.pick(others).id, CONTACT_CHANNEL_CODES[i % 8], at, at, at, `${at}-0000-bench`);
      }
    })();
    console.log(`seeded ${OTHER_BENEFICIARIES.toLocaleString('en')} other beneficiaries and ${OTHER_CONTACTS.toLocaleString('en')} other contacts in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    // The beneficiary whose timeline is read: 500 events made through the API.
    start = performance.now();
    const person = { firstName: 'نورة', fatherName: 'سالم', grandfatherName: 'علي', familyName: 'القحطاني', idType: 'national_id', nationalId: withCheckDigit('199999999'), nationality: 'SA', gender: 'female', phonePrimary: '0561234567' };
    const { id } = await call<{ id: string }>('beneficiaries.register', { beneficiary: person });
    let events = 1;
    for (let i = 0; i < 300; i += 1, events += 1) {
      await call('contacts.record', { contact: { beneficiaryId: id, channel: CONTACT_CHANNEL_CODES[i % 8], direction: i % 2 ? 'outbound' : 'inbound', contactKind: 'follow_up', subject: `متابعة رقم ${i}`, outcome: 'informed', occurredAt: new Date(Date.UTC(2025, 5, 1) + i * 3_600_000).toISOString() } });
    }
    for (let i = 0; i < 100; i += 1, events += 1) {
      const profile = await call<{ version: string }>('beneficiaries.get', { id });
      await call('beneficiaries.update', { id, expectedVersion: profile.version, beneficiary: { ...person, address: `حي ${i}`, notes: `ملاحظة ${i}` } });
    }
    const members: string[] = [];
    for (let i = 0; i < 50; i += 1, events += 1) {
      const member = await call<{ id: string }>('household.add', { beneficiaryId: id, member: { fullName: `فرد ${i} سالم القحطاني`, relation: i % 2 ? 'son' : 'daughter', gender: i % 2 ? 'male' : 'female' } });
      members.push(member.id);
    }
    for (const member of members.slice(0, 49)) {
      await call('household.remove', { id: member });
      events += 1;
    }
    const all = await call<{ events: unknown[] }>('timeline.forBeneficiary', { beneficiaryId: id, limit: 1000 });
    console.log(`made ${events} events for one beneficiary through the API in ${((performance.now() - start) / 1000).toFixed(1)} s; the timeline shows ${all.events.length}`);

    const runs = Array.from({ length: RUNS }, (_, i) => i);
    await timeEach(runs.slice(0, 20), () => call('timeline.forBeneficiary', { beneficiaryId: id, limit: 500 })); // warm-up
    const whole = await timeEach(runs, () => call('timeline.forBeneficiary', { beneficiaryId: id, limit: 500 }));
    const page = await timeEach(runs, () => call('timeline.forBeneficiary', { beneficiaryId: id, limit: 200 }));
    console.log(`timeline of 500 events, all at once (limit 500), ${RUNS} runs: p50 ${ms(whole.p50)}  p95 ${ms(whole.p95)}  (target p95 ≤ 50 ms)`);
    console.log(`timeline first page (limit 200),            ${RUNS} runs: p50 ${ms(page.p50)}  p95 ${ms(page.p95)}`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
