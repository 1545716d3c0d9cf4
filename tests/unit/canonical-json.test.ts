import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, dataVersionHash } from '../../src-shared/domain/canonical-json';

describe('canonical JSON of a signed data version', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'نص' } })).toBe('{"a":{"c":"نص","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same string whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: null })).toBe(canonicalJson({ y: null, x: 1 }));
  });

  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses numbers JSON cannot spell', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });

  it('hashes to the SHA-256 of the canonical string', async () => {
    const value = { name: 'أحمد', amount: 1500 };
    const expected = createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
    expect(await dataVersionHash(value)).toBe(expected);
  });
});
