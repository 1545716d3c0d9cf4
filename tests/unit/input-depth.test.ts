import { describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, nestedDeeperThan } from '../../src-main/api/input-depth';

function nested(levels: number, asArray: boolean): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
}

describe('input nesting limit', () => {
  it('accepts inputs as deep as the limit and refuses one level more', () => {
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH, false))).toBe(false);
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH + 1, false))).toBe(true);
    expect(nestedDeeperThan(nested(MAX_INPUT_DEPTH + 1, true))).toBe(true);
  });

  it('walks a hundred thousand levels without overflowing the stack', () => {
    expect(nestedDeeperThan(nested(100_000, true))).toBe(true);
  });

  it('takes scalars, null and wide shallow objects as they are', () => {
    for (const value of [null, undefined, 0, 'x', {}, [], Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: i }]))]) {
      expect(nestedDeeperThan(value)).toBe(false);
    }
  });
});
