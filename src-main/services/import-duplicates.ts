import type { z } from 'zod';
import type { BeneficiaryData } from '../../src-shared/contract/beneficiaries';
import type { ImportDuplicate } from '../../src-shared/contract/system';
import { assessDuplicate, type PersonForMatching } from '../../src-shared/domain/duplicate-score';
import { nationalIdTranspositions } from '../../src-shared/domain/national-id';
import { beneficiaryKeys } from '../store/beneficiary-keys';
import { listRowsSharingKeys } from '../store/beneficiary-blocks';
import type { ServiceContext } from './context';
import { personFromRow } from './duplicates';

export type ImportDuplicateEntry = z.infer<typeof ImportDuplicate>;

/** A row of the file that passed validation, with what duplicate matching reads. */
export type CheckedRow = {
  row: number;
  data: BeneficiaryData;
  person: PersonForMatching;
  keys: ReturnType<typeof beneficiaryKeys>;
};

/** Candidates looked at per key: a shared phone of a large family must not make the check quadratic. */
const MAX_CANDIDATES_PER_KEY = 50;

export function checkedRow(row: number, data: BeneficiaryData): CheckedRow {
  return {
    row,
    data,
    person: {
      firstName: data.firstName,
      fatherName: data.fatherName,
      grandfatherName: data.grandfatherName,
      familyName: data.familyName,
      // Passport numbers count too: the store holds every ID number once, whatever its type.
      nationalId: data.nationalId,
      phones: [data.phonePrimary, data.phoneSecondary].filter((p): p is string => Boolean(p)),
      birthDate: data.birthDate,
    },
    keys: beneficiaryKeys(data),
  };
}

/** Keys a record is filed under; a row is looked up under these plus the swaps of its ID number. */
function indexKeys(person: PersonForMatching, keys: CheckedRow['keys']): string[] {
  const out = [`nk:${keys.name_key}`, `pk:${keys.phonetic_key}`];
  if (person.nationalId) out.push(`id:${person.nationalId}`);
  for (const phone of person.phones) out.push(`ph:${phone}`);
  return out;
}

function lookupKeys(person: PersonForMatching, keys: CheckedRow['keys']): string[] {
  const out = indexKeys(person, keys);
  if (person.nationalId && /^\d{10}$/.test(person.nationalId)) {
    for (const swapped of nationalIdTranspositions(person.nationalId)) out.push(`id:${swapped}`);
  }
  return out;
}

class KeyIndex<T> {
  private readonly map = new Map<string, T[]>();
  add(keys: string[], item: T): void {
    for (const key of keys) {
      const list = this.map.get(key);
      if (!list) this.map.set(key, [item]);
      else if (list.length < MAX_CANDIDATES_PER_KEY) list.push(item);
    }
  }
  candidates(keys: string[]): Set<T> {
    const out = new Set<T>();
    for (const key of keys) for (const item of this.map.get(key) ?? []) out.add(item);
    return out;
  }
}

/** The strongest match among the candidates, when it is strong enough to call a duplicate. */
function strongest<T>(
  person: PersonForMatching,
  candidates: Iterable<T>,
  personOf: (c: T) => PersonForMatching,
): { candidate: T; score: number; reasons: string[] } | null {
  let best: { candidate: T; score: number; reasons: string[] } | null = null;
  for (const candidate of candidates) {
    const assessment = assessDuplicate(person, personOf(candidate));
    if (assessment.kind !== 'duplicate') continue;
    if (!best || assessment.score > best.score) best = { candidate, score: assessment.score, reasons: assessment.reasons };
  }
  return best;
}

/** Each row that repeats an earlier row of the same file, with the earlier row it repeats. */
export function findDuplicatesInFile(rows: readonly CheckedRow[]): ImportDuplicateEntry[] {
  const index = new KeyIndex<CheckedRow>();
  const found: ImportDuplicateEntry[] = [];
  for (const row of rows) {
    const match = strongest(row.person, index.candidates(lookupKeys(row.person, row.keys)), (c) => c.person);
    if (match) found.push({ row: row.row, otherRow: match.candidate.row, existingId: null, score: match.score, reasons: match.reasons });
    index.add(indexKeys(row.person, row.keys), row);
  }
  return found;
}

/**
 * Each row that matches a record already in the store (the same ID number is always a match: the
 * store holds each number once). Stored records sharing any key with the file are read in bulk.
 */
export async function findDuplicatesInStore(ctx: ServiceContext, rows: readonly CheckedRow[]): Promise<ImportDuplicateEntry[]> {
  const nationalIds: string[] = [];
  const phones: string[] = [];
  for (const { person } of rows) {
    phones.push(...person.phones);
    if (!person.nationalId) continue;
    nationalIds.push(person.nationalId);
    if (/^\d{10}$/.test(person.nationalId)) nationalIds.push(...nationalIdTranspositions(person.nationalId));
  }
  const stored = await listRowsSharingKeys(ctx.db, {
    nationalIds,
    phones,
    nameKeys: rows.map((r) => r.keys.name_key),
    phoneticKeys: rows.map((r) => r.keys.phonetic_key),
  });
  const index = new KeyIndex<{ id: string; person: PersonForMatching }>();
  for (const row of stored) {
    const person = { ...personFromRow(row), nationalId: row.national_id };
    index.add(indexKeys(person, row), { id: row.id, person });
  }
  const found: ImportDuplicateEntry[] = [];
  for (const row of rows) {
    const match = strongest(row.person, index.candidates(lookupKeys(row.person, row.keys)), (c) => c.person);
    if (match) found.push({ row: row.row, otherRow: null, existingId: match.candidate.id, score: match.score, reasons: match.reasons });
  }
  return found;
}
