import { describe, expect, it } from 'vitest';
import { takeBatch } from '../../src-main/sync/engine';
import { backoffDelay } from '../../src-main/sync/scheduler';
import type { OutboxEntry } from '../../src-main/store/sync-state';

function entry(seq: number, bytes: number): OutboxEntry {
  return { seq, id: `id-${seq}`, table_name: 'beneficiaries', row_id: 'r', op: 'update', fields: 'x'.repeat(bytes), hlc: 'h', branch_id: 'b' };
}

describe('sync backoff', () => {
  it('doubles from the base delay up to the ceiling', () => {
    const top = () => 1; // the jitter at its largest: the ceiling itself
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, 1000, 10_000, top))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('spreads retries between half and all of the ceiling', () => {
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(3000);
  });
});

describe('push batches', () => {
  it('stop at the count limit', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, 10));
    expect(takeBatch(entries, 4, 1_000_000).map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('stop before the byte budget is exceeded', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, 800));
    expect(takeBatch(entries, 100, 3000)).toHaveLength(3);
  });

  it('always take the first change, even one larger than the budget, so the queue never sticks', () => {
    expect(takeBatch([entry(0, 10_000), entry(1, 10)], 100, 3000).map((e) => e.seq)).toEqual([0]);
  });
});
