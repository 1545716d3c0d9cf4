import type { Kysely, Transaction } from 'kysely';
import { assessDuplicate, type DuplicateReason, type PersonForMatching } from '../../src-shared/domain/duplicate-score';
import { nationalIdTranspositions } from '../../src-shared/domain/national-id';
import type { Database } from '../store/schema';
import { personFromRow } from './duplicates';
import {
  listBlockMembers,
  listBlocks,
  listMatchingRowsByIds,
  listNationalIdsPage,
  type BlockingKey,
  type MatchingRow,
} from '../store/beneficiary-blocks';

export type DuplicatePair = {
  aId: string;
  bId: string;
  score: number;
  kind: 'duplicate' | 'relative';
  reasons: DuplicateReason[];
};

export type DuplicatePassResult = {
  pairs: DuplicatePair[];
  /** Blocks left out because they held more records than `maxBlockSize` (a placeholder phone, say). */
  blocksSkipped: number;
  skippedBlocks: Array<{ key: BlockingKey; size: number }>;
};

export type DuplicatePassOptions = {
  /**
   * A block this large is almost always a placeholder (0500000000, an unknown grandfather written as
   * «غير معروف») rather than one family; comparing its members pairwise would cost size² for noise.
   */
  maxBlockSize?: number;
};

export const DEFAULT_MAX_BLOCK_SIZE = 100;
const BLOCKING_KEYS: readonly BlockingKey[] = ['phone', 'name_key', 'phonetic_key', 'lineage_key'];
/** Block members loaded at once (whole blocks, so a batch may run over by one block); bounds memory. */
const MEMBERS_PER_BATCH = 20_000;
const ID_PAGE = 20_000;

type Db = Kysely<Database> | Transaction<Database>;

/** The values of each key whose block was too large to score; a pair sharing only those is never scored. */
type Oversized = Record<BlockingKey, Set<string>>;

function sharedPhones(a: MatchingRow, b: MatchingRow): string[] {
  const mine = [a.phone_primary, a.phone_secondary].filter((p): p is string => p !== null);
  return [...new Set([b.phone_primary, b.phone_secondary].filter((p): p is string => p !== null && mine.includes(p)))].sort();
}

/** The block in which a pair is scored: the first key (in BLOCKING_KEYS order) whose shared value was not skipped. */
function scoringBlock(a: MatchingRow, b: MatchingRow, oversized: Oversized): { key: BlockingKey; value: string } | null {
  for (const phone of sharedPhones(a, b)) if (!oversized.phone.has(phone)) return { key: 'phone', value: phone };
  for (const key of ['name_key', 'phonetic_key', 'lineage_key'] as const) {
    if (a[key] !== '' && a[key] === b[key] && !oversized[key].has(a[key])) return { key, value: a[key] };
  }
  return null;
}

/**
 * Scores pairs and keeps the reported ones. A pair sharing several keys sits in several blocks; it is
 * scored only in the first of them, so no pair is scored twice and no set of seen pairs is kept.
 */
class PairCollector {
  readonly pairs: DuplicatePair[] = [];
  readonly oversized: Oversized = { phone: new Set(), name_key: new Set(), phonetic_key: new Set(), lineage_key: new Set() };

  score(x: MatchingRow, y: MatchingRow, px: PersonForMatching, py: PersonForMatching): void {
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const assessment = assessDuplicate(a === x ? px : py, a === x ? py : px);
    if (assessment.kind === 'none') return;
    this.pairs.push({ aId: a.id, bId: b.id, score: assessment.score, kind: assessment.kind, reasons: assessment.reasons });
  }

  /** All pairs of one block whose scoring block is this one. */
  scoreBlock(key: BlockingKey, value: string, rows: readonly MatchingRow[]): void {
    const people = rows.map(personFromRow);
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i] as MatchingRow;
        const b = rows[j] as MatchingRow;
        const home = scoringBlock(a, b, this.oversized);
        if (home && home.key === key && home.value === value) this.score(a, b, people[i] as PersonForMatching, people[j] as PersonForMatching);
      }
    }
  }
}

async function passOverKey(db: Db, key: BlockingKey, maxBlockSize: number, collector: PairCollector, result: DuplicatePassResult) {
  const blocks = await listBlocks(db, key);
  const batches: string[][] = [[]];
  let batchSize = 0;
  for (const { block, size } of blocks) {
    if (size > maxBlockSize) {
      result.skippedBlocks.push({ key, size });
      collector.oversized[key].add(block);
      continue;
    }
    if (batchSize >= MEMBERS_PER_BATCH) {
      batches.push([]);
      batchSize = 0;
    }
    batches[batches.length - 1]?.push(block);
    batchSize += size;
  }
  return async () => {
    for (const batch of batches) {
      if (batch.length === 0) continue;
      const members = await listBlockMembers(db, key, batch);
      const byBlock = new Map<string, MatchingRow[]>();
      for (const { block, row } of members) {
        const list = byBlock.get(block);
        if (list) list.push(row);
        else byBlock.set(block, [row]);
      }
      for (const [value, rows] of byBlock) collector.scoreBlock(key, value, rows);
    }
  };
}

/**
 * ID numbers one adjacent swap apart. Exact repeats cannot exist (the column is unique), and a swap is
 * not an indexable key, so the numbers are read a page at a time into one map and each number's nine
 * swaps are looked up in it. Pairs that share another key were already scored in that key's block.
 */
async function passOverTranspositions(db: Db, collector: PairCollector) {
  const holderOf = new Map<string, string>();
  let after = '';
  for (;;) {
    const page = await listNationalIdsPage(db, after, ID_PAGE);
    for (const { id, national_id } of page) holderOf.set(national_id, id);
    const last = page[page.length - 1];
    if (!last || page.length < ID_PAGE) break;
    after = last.id;
  }
  const candidatePairs: Array<[string, string]> = [];
  for (const [nationalId, id] of holderOf) {
    for (const swapped of nationalIdTranspositions(nationalId)) {
      const other = holderOf.get(swapped);
      if (other !== undefined && id < other) candidatePairs.push([id, other]);
    }
  }
  holderOf.clear();
  const rows = new Map((await listMatchingRowsByIds(db, [...new Set(candidatePairs.flat())])).map((r) => [r.id, r]));
  for (const [a, b] of candidatePairs) {
    const rowA = rows.get(a);
    const rowB = rows.get(b);
    if (rowA && rowB && !scoringBlock(rowA, rowB, collector.oversized)) {
      collector.score(rowA, rowB, personFromRow(rowA), personFromRow(rowB));
    }
  }
}

/**
 * Every likely duplicate and every likely relative pair in the whole store, strongest first. Records
 * are compared only within blocks that share an ID (up to one swap), a phone, a folded or phonetic
 * full name, or a lineage (father, grandfather, family); blocks over `maxBlockSize` are skipped and
 * counted.
 */
export async function findAllDuplicatePairs(db: Db, options: DuplicatePassOptions = {}): Promise<DuplicatePassResult> {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const collector = new PairCollector();
  const result: DuplicatePassResult = { pairs: [], blocksSkipped: 0, skippedBlocks: [] };
  // Every key's oversized blocks must be known before any pair is scored, to pick each pair's one block.
  const passes = [];
  for (const key of BLOCKING_KEYS) passes.push(await passOverKey(db, key, maxBlockSize, collector, result));
  for (const pass of passes) await pass();
  await passOverTranspositions(db, collector);
  result.blocksSkipped = result.skippedBlocks.length;
  result.pairs = collector.pairs.sort(
    (p, q) => q.score - p.score || (p.aId < q.aId ? -1 : p.aId > q.aId ? 1 : p.bId < q.bId ? -1 : 1),
  );
  return result;
}
