import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hlcToString } from '../../src-shared/domain/hlc';
import { openStore } from '../../src-main/store/db';
import { createHlcClock } from '../../src-main/store/hlc-clock';
import { tempDir } from './support/test-runtime';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('the install clock', () => {
  it('stamps a local edit after a pulled change even when this machine’s clock runs behind', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const store = await openStore(join(temp.dir, 'clock.sqlite'));
    cleanups.push(() => store.close());
    const behind = Date.parse('2026-11-26T08:00:00Z');
    const clock = await createHlcClock(store.db, () => behind);
    const before = clock.next();
    // A change made an hour "later" on a desk whose clock is right.
    const remote = hlcToString({ wallMs: behind + 3_600_000, counter: 4, node: 'other-desk' });
    expect(before < remote).toBe(true);
    clock.observe(remote);
    const after = clock.next();
    expect(after > remote).toBe(true);
    expect(clock.next() > after).toBe(true);
  });

  it('keeps its own order when the remote stamp is older', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const store = await openStore(join(temp.dir, 'clock.sqlite'));
    cleanups.push(() => store.close());
    const now = Date.parse('2026-11-26T08:00:00Z');
    const clock = await createHlcClock(store.db, () => now);
    const first = clock.next();
    clock.observe(hlcToString({ wallMs: now - 60_000, counter: 0, node: 'other-desk' }));
    expect(clock.next() > first).toBe(true);
  });
});
