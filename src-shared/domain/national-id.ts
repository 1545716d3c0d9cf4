/**
 * Saudi national ID (هوية وطنية, starts with 1) and resident ID (إقامة, starts with 2).
 * Both are 10 digits whose last digit is a Luhn-style check digit, so most typing slips are caught
 * at the desk instead of surfacing later as a "new" beneficiary.
 */
import { toLatinDigits } from './digits';

export type NationalIdType = 'citizen' | 'resident';

export type NationalIdCheck =
  | { ok: true; value: string; type: NationalIdType }
  | { ok: false; reason: 'length' | 'digits' | 'prefix' | 'checksum' };

/**
 * Sum used by the check digit over the first nine digits: digits at odd positions (1st, 3rd, … 9th)
 * are doubled and the digits of the product added (so 7 → 14 → 5); even positions count as is.
 */
function weightedSum(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = first9.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += d;
    }
  }
  return sum;
}

function checkDigitFor(first9: string): number {
  return (10 - (weightedSum(first9) % 10)) % 10;
}

export function checkNationalId(input: string): NationalIdCheck {
  const value = toLatinDigits(input.trim());
  // "digits" before "length": a letter in the field is a different mistake from a missing digit,
  // and the receptionist needs to be told which one.
  if (!/^\d*$/.test(value)) return { ok: false, reason: 'digits' };
  if (value.length !== 10) return { ok: false, reason: 'length' };
  const first = value[0];
  if (first !== '1' && first !== '2') return { ok: false, reason: 'prefix' };
  if (checkDigitFor(value.slice(0, 9)) !== value.charCodeAt(9) - 48) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, value, type: first === '1' ? 'citizen' : 'resident' };
}

/**
 * IDs one adjacent swap away. The check digit catches most swaps at entry, but records imported from
 * paper or older systems were never validated, so "same person, two digits swapped" still happens.
 */
export function nationalIdTranspositions(id: string): string[] {
  const digits = toLatinDigits(id.trim());
  const seen = new Set<string>();
  for (let i = 0; i + 1 < digits.length; i++) {
    const a = digits[i];
    const b = digits[i + 1];
    if (a === b || a === undefined || b === undefined) continue;
    seen.add(digits.slice(0, i) + b + a + digits.slice(i + 2));
  }
  return [...seen];
}

/** Completes nine digits with their check digit; for generators, fixtures and benchmarks. */
export function withCheckDigit(first9: string): string {
  const digits = toLatinDigits(first9);
  if (!/^\d{9}$/.test(digits)) {
    throw new RangeError(`withCheckDigit needs exactly 9 digits, got "${first9}"`);
  }
  return digits + String(checkDigitFor(digits));
}
