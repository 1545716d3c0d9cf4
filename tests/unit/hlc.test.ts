import { describe, it, expect } from 'vitest';
import { compareHlc, hlcReceive, hlcTick, hlcToString, parseHlc, type Hlc } from '../../src-shared/domain/hlc';

const T = 1_740_614_400_000; // 2025-02-27T00:00:00Z

describe('hlcToString / parseHlc', () => {
  it('writes fixed-width fields', () => {
    expect(hlcToString({ wallMs: T, counter: 35, node: 'branch-a' })).toBe('001740614400000-0000z-branch-a');
  });

  it('round-trips, including node ids that contain dashes', () => {
    const stamp: Hlc = { wallMs: T, counter: 123_456, node: '0195f3c2-7a1b-7c3d-8e4f-0123456789ab' };
    expect(parseHlc(hlcToString(stamp))).toEqual(stamp);
  });

  it('refuses text that is not a stamp', () => {
    expect(() => parseHlc('1740614400000-0-a')).toThrow(SyntaxError);
    expect(() => parseHlc('001740614400000-0000z-')).toThrow(SyntaxError);
  });

  it('refuses values that would break the fixed width', () => {
    expect(() => hlcToString({ wallMs: -1, counter: 0, node: 'a' })).toThrow(RangeError);
    expect(() => hlcToString({ wallMs: T, counter: 36 ** 5, node: 'a' })).toThrow(RangeError);
    expect(() => hlcToString({ wallMs: T, counter: 0, node: '' })).toThrow(RangeError);
  });
});

describe('hlcTick', () => {
  it('starts at the wall clock with counter 0', () => {
    expect(hlcTick(null, T, 'a')).toEqual({ wallMs: T, counter: 0, node: 'a' });
  });

  it('follows the wall clock when it moves forward', () => {
    expect(hlcTick({ wallMs: T, counter: 7, node: 'a' }, T + 5, 'a')).toEqual({ wallMs: T + 5, counter: 0, node: 'a' });
  });

  it('stays monotonic when the clock stands still or goes backwards', () => {
    const clock = [T, T, T, T - 60_000, T - 60_000, T - 1, T + 1, T - 3_600_000, T + 2];
    let last: Hlc | null = null;
    let lastText = '';
    for (const now of clock) {
      const next: Hlc = hlcTick(last, now, 'a');
      const text = hlcToString(next);
      expect(compareHlc(lastText, text)).toBe(-1);
      last = next;
      lastText = text;
    }
    expect(last).toEqual({ wallMs: T + 2, counter: 0, node: 'a' });
  });

  it('moves to the next millisecond rather than overflow the counter', () => {
    const next = hlcTick({ wallMs: T, counter: 36 ** 5 - 1, node: 'a' }, T, 'a');
    expect(next).toEqual({ wallMs: T + 1, counter: 0, node: 'a' });
  });
});

describe('hlcReceive', () => {
  it('stamps after a remote stamp from the future', () => {
    const last: Hlc = { wallMs: T, counter: 0, node: 'a' };
    const remote: Hlc = { wallMs: T + 10_000, counter: 4, node: 'b' };
    const merged = hlcReceive(last, remote, T + 1, 'a');
    expect(merged).toEqual({ wallMs: T + 10_000, counter: 5, node: 'a' });
  });

  it('stamps after our own last stamp when the remote one is older', () => {
    const merged = hlcReceive({ wallMs: T, counter: 9, node: 'a' }, { wallMs: T - 5, counter: 50, node: 'b' }, T - 100, 'a');
    expect(merged).toEqual({ wallMs: T, counter: 10, node: 'a' });
  });

  it('takes the larger counter when both stamps share the millisecond', () => {
    const merged = hlcReceive({ wallMs: T, counter: 2, node: 'a' }, { wallMs: T, counter: 8, node: 'b' }, T, 'a');
    expect(merged).toEqual({ wallMs: T, counter: 9, node: 'a' });
  });

  it('follows the wall clock when it is ahead of both', () => {
    const merged = hlcReceive({ wallMs: T, counter: 2, node: 'a' }, { wallMs: T + 1, counter: 8, node: 'b' }, T + 2, 'a');
    expect(merged).toEqual({ wallMs: T + 2, counter: 0, node: 'a' });
  });
});

describe('causal order', () => {
  it('orders stamps as text exactly as events happened, across nodes with skewed clocks', () => {
    // Branch B's clock is an hour behind head office A; messages go A → B → A.
    const a1 = hlcTick(null, T, 'A');
    const b1 = hlcTick(null, T - 3_600_000, 'B');
    const b2 = hlcReceive(b1, a1, T - 3_599_000, 'B'); // B saw a1
    const b3 = hlcTick(b2, T - 3_598_000, 'B');
    const a2 = hlcReceive(a1, b3, T + 1, 'A'); // A saw b3
    const a3 = hlcTick(a2, T + 1, 'A');
    const causal = [a1, b2, b3, a2, a3].map(hlcToString);
    expect([...causal].sort(compareHlc)).toEqual(causal);
    for (let i = 1; i < causal.length; i++) expect(compareHlc(causal[i - 1] ?? '', causal[i] ?? '')).toBe(-1);
  });

  it('sorts by wall time before counter, even when the counter has more digits in base 36', () => {
    const earlier = hlcToString({ wallMs: 999, counter: 36 ** 5 - 1, node: 'z' });
    const later = hlcToString({ wallMs: 1000, counter: 0, node: 'a' });
    expect(compareHlc(earlier, later)).toBe(-1);
    expect(compareHlc(later, earlier)).toBe(1);
    expect(compareHlc(later, later)).toBe(0);
  });
});
