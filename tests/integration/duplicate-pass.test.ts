import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src-shared/contract';
import { nationalIdTranspositions, withCheckDigit, checkNationalId } from '../../src-shared/domain/national-id';
import { beneficiaryKeys } from '../../src-main/store/beneficiary-keys';
import { findAllDuplicatePairs } from '../../src-main/services/duplicate-pass';
import { setUpStore, type TestStore } from './support/test-runtime';

let store: TestStore;
beforeEach(async () => {
  store = await setUpStore();
});
afterEach(async () => {
  await store.close();
});

type Draft = MethodInput<'beneficiaries.register'>['beneficiary'];

/** Registers through the desk's own method, declaring every candidate a different person (as a desk may). */
async function register(draft: Partial<Draft> & Pick<Draft, 'firstName' | 'fatherName' | 'grandfatherName' | 'familyName'>): Promise<string> {
  const beneficiary: Draft = { idType: 'none', nationality: 'SA', gender: 'male', ...draft };
  const { candidates } = await store.admin.call('beneficiaries.checkDuplicates', { beneficiary });
  const { id } = await store.admin.call('beneficiaries.register', { beneficiary, confirmedDistinctFrom: candidates.map((c) => c.id) });
  return id;
}

/** A valid citizen ID and another valid one that differs by one adjacent swap. */
function transposedIdPair(): [string, string] {
  for (let n = 100_000_100; ; n++) {
    const id = withCheckDigit(String(n));
    const swapped = nationalIdTranspositions(id).find((t) => t !== id && checkNationalId(t).ok && t.startsWith('1'));
    if (swapped) return [id, swapped];
  }
}

describe('findAllDuplicatePairs', () => {
  it('reports duplicates and relatives once each, strongest first, and leaves strangers out', async () => {
    const [idA, idB] = transposedIdPair();
    const ahmad = await register({ firstName: 'أحمد', fatherName: 'عبدالله', grandfatherName: 'محمد', familyName: 'الحربي', phonePrimary: '0551234567', birthDate: '1985-04-12' });
    const ahmadAgain = await register({ firstName: 'احمد', fatherName: 'عبد الله', grandfatherName: 'محمد', familyName: 'حربي', phoneSecondary: '0551234567' });
    const brother = await register({ firstName: 'خالد', fatherName: 'عبدالله', grandfatherName: 'محمد', familyName: 'الحربي' });
    const swapA = await register({ firstName: 'سعد', fatherName: 'ناصر', grandfatherName: 'علي', familyName: 'الشهري', idType: 'national_id', nationalId: idA });
    const swapB = await register({ firstName: 'فهد', fatherName: 'سالم', grandfatherName: 'حسن', familyName: 'الزهراني', idType: 'national_id', nationalId: idB });
    await register({ firstName: 'مريم', fatherName: 'يوسف', grandfatherName: 'أحمد', familyName: 'اليامي', gender: 'female' });

    const { pairs, blocksSkipped } = await findAllDuplicatePairs(store.runtime.store.db);
    const key = (a: string, b: string) => [a, b].sort().join('|');
    const byKey = new Map(pairs.map((p) => [key(p.aId, p.bId), p]));
    expect(pairs).toHaveLength(byKey.size);
    expect(blocksSkipped).toBe(0);

    expect(byKey.get(key(ahmad, ahmadAgain))).toMatchObject({ kind: 'duplicate', score: 100, reasons: ['same_name', 'same_phone'] });
    expect(byKey.get(key(ahmad, brother))).toMatchObject({ kind: 'relative', reasons: ['relative_same_lineage'] });
    expect(byKey.get(key(ahmadAgain, brother))).toMatchObject({ kind: 'relative' });
    expect(byKey.get(key(swapA, swapB))).toMatchObject({ kind: 'duplicate', score: 60, reasons: ['national_id_transposition'] });
    expect(pairs).toHaveLength(4);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    for (const p of pairs) expect(p.aId < p.bId).toBe(true);
  });

  it('skips and counts blocks larger than the cap, such as a placeholder phone', async () => {
    const names = ['سعد', 'فهد', 'ماجد', 'تركي', 'بندر'];
    const families = ['الشهري', 'الزهراني', 'الغامدي', 'المالكي', 'القحطاني'];
    for (const [i, firstName] of names.entries()) {
      await register({ firstName, fatherName: 'علي', grandfatherName: 'حسن', familyName: families[i] ?? '', phonePrimary: '0500000000' });
    }
    const capped = await findAllDuplicatePairs(store.runtime.store.db, { maxBlockSize: 3 });
    expect(capped).toMatchObject({ pairs: [], blocksSkipped: 1, skippedBlocks: [{ key: 'phone', size: 5 }] });
    const uncapped = await findAllDuplicatePairs(store.runtime.store.db, { maxBlockSize: 10 });
    expect(uncapped.pairs).toHaveLength(10);
    expect(uncapped.pairs.every((p) => p.reasons.join() === 'same_phone' && p.kind === 'duplicate')).toBe(true);
  });

  it('goes through 200,000 records well within a minute', async () => {
    const branchId = (await store.admin.call('auth.me', {})).user?.branchId ?? '';
    const planted = seedVariedRegistry(store, branchId, 200_000);
    const started = performance.now();
    const { pairs } = await findAllDuplicatePairs(store.runtime.store.db);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);
    expect(pairs.some((p) => [p.aId, p.bId].sort().join('|') === [...planted].sort().join('|'))).toBe(true);
  }, 180_000);
});

/**
 * 200,000 records written straight into the store (the desk's method would take minutes): names from
 * a large vocabulary with a few common ones, 80 % with a phone, plus one planted duplicate pair.
 */
function seedVariedRegistry(target: TestStore, branchId: string, count: number): [string, string] {
  let state = 11;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const letters = 'بتجحدرزسشصطعفقكلمنهي';
  const word = (prefix: string) => {
    let w = prefix;
    for (let i = 0, n = 3 + Math.floor(random() * 3); i < n; i++) w += letters[Math.floor(random() * letters.length)];
    return w;
  };
  const given = Array.from({ length: 400 }, () => word(''));
  const families = Array.from({ length: 3000 }, () => word('ال'));
  const pick = (list: string[]) => list[Math.floor(list.length * random() ** 2.5)] ?? '';
  const insert = target.runtime.store.sqlite.prepare(`
    INSERT INTO beneficiaries (id, branch_id, created_at, updated_at, hlc, first_name, father_name, grandfather_name,
      family_name, id_type, national_id, nationality, gender, birth_date, phone_primary, name_key, phonetic_key, lineage_key)
    VALUES (?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '0', ?, ?, ?, ?, 'national_id', ?, 'SA', 'male', NULL, ?, ?, ?, ?)`);
  const add = (name: { firstName: string; fatherName: string; grandfatherName: string; familyName: string }, nationalId: string, phone: string | null) => {
    const id = uuidv7();
    const keys = beneficiaryKeys(name);
    insert.run(id, branchId, name.firstName, name.fatherName, name.grandfatherName, name.familyName, nationalId, phone, keys.name_key, keys.phonetic_key, keys.lineage_key);
    return id;
  };
  let planted: [string, string] = ['', ''];
  target.runtime.store.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const name = { firstName: pick(given), fatherName: pick(given), grandfatherName: pick(given), familyName: pick(families) };
      const phone = random() < 0.8 ? `+9665${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null;
      add(name, withCheckDigit(`1${String((i * 7919) % 1e8).padStart(8, '0')}`), phone);
    }
    const twin = { firstName: 'عبدالمحسن', fatherName: 'زيد', grandfatherName: 'مفرح', familyName: 'الفيفي' };
    planted = [add(twin, withCheckDigit('199999991'), '+966599999999'), add(twin, withCheckDigit('199999992'), '+966599999999')];
  })();
  return planted;
}
