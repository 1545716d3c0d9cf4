/**
 * The one spelling of a data version that a signature, a signed PDF and a later check all hash:
 * object keys sorted by code point, no whitespace, arrays in order, `undefined` members dropped
 * (as JSON.stringify does). Shared by the interview (which stores the hash at signing) and the
 * signed-forms engine (which prints it), so both must call these functions and nothing else.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normalise(value: unknown): Json | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // NaN and ±Infinity have no JSON spelling; refusing beats silently signing "null".
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return value;
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint has no JSON form');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => normalise(item) ?? null);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    const member = normalise((value as Record<string, unknown>)[key]);
    if (member !== undefined) out[key] = member;
  }
  return out;
}

/** Sorted keys, no whitespace: the same value always gives the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value) ?? null);
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 (hex) of the canonical JSON, with Web Crypto: the same in Node 20 and in the renderer. */
export async function dataVersionHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}
