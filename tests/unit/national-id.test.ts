import { describe, it, expect } from 'vitest';
import { checkNationalId, nationalIdTranspositions, withCheckDigit } from '../../src-shared/domain/national-id';

/** Independent implementation of the check digit, written from the rule, to cross-check the module. */
function referenceCheckDigit(first9: string): string {
  let sum = 0;
  [...first9].forEach((ch, i) => {
    const d = Number(ch);
    if (i % 2 === 0) {
      const doubled = String(d * 2);
      sum += [...doubled].reduce((s, c) => s + Number(c), 0);
    } else {
      sum += d;
    }
  });
  return String((10 - (sum % 10)) % 10);
}

const toArabicIndic = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('checkNationalId', () => {
  // Worked by hand: 1 → 2 at position 1, all else 0, total 2, so the check digit is 8.
  it('accepts hand-checked citizen and resident IDs', () => {
    expect(checkNationalId('1000000008')).toEqual({ ok: true, value: '1000000008', type: 'citizen' });
    // 2 → 4, total 4, check 6.
    expect(checkNationalId('2000000006')).toEqual({ ok: true, value: '2000000006', type: 'resident' });
    // 1→2, 2, 3→6, 4, 5→1+0, 6, 7→1+4, 8, 9→1+8: total 2+2+6+4+1+6+5+8+9 = 43, check 7.
    expect(checkNationalId('1234567897')).toEqual({ ok: true, value: '1234567897', type: 'citizen' });
  });

  it('accepts IDs whose check digit is computed independently', () => {
    const bodies = ['10123456', '10987654', '11111111', '19999999', '20000001', '24680135', '29876543'];
    for (const body of bodies) {
      for (const extra of '0123456789') {
        const first9 = body + extra;
        const id = first9 + referenceCheckDigit(first9);
        expect(checkNationalId(id).ok, id).toBe(true);
      }
    }
  });

  it('reads Arabic-Indic and Persian digits and trims spaces', () => {
    expect(checkNationalId(`  ${toArabicIndic('1000000008')} `)).toEqual({
      ok: true,
      value: '1000000008',
      type: 'citizen',
    });
    expect(checkNationalId('۲۰۰۰۰۰۰۰۰۶')).toMatchObject({ ok: true, type: 'resident' });
  });

  it('refuses an ID with too few or too many digits', () => {
    expect(checkNationalId('100000000')).toEqual({ ok: false, reason: 'length' });
    expect(checkNationalId('10000000080')).toEqual({ ok: false, reason: 'length' });
    expect(checkNationalId('')).toEqual({ ok: false, reason: 'length' });
  });

  it('refuses an ID containing anything but digits', () => {
    expect(checkNationalId('10000O0008')).toEqual({ ok: false, reason: 'digits' });
    expect(checkNationalId('1000 000008')).toEqual({ ok: false, reason: 'digits' });
    expect(checkNationalId('-100000008')).toEqual({ ok: false, reason: 'digits' });
  });

  it('refuses an ID that starts with neither 1 nor 2', () => {
    for (const first of '03456789') {
      expect(checkNationalId(`${first}000000000`)).toEqual({ ok: false, reason: 'prefix' });
    }
  });

  it('refuses a citizen ID whose check digit is wrong', () => {
    expect(checkNationalId('1000000007')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses a resident ID whose check digit is wrong', () => {
    expect(checkNationalId('2000000005')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('catches a single mistyped digit', () => {
    const valid = '1234567897';
    for (let i = 1; i < 9; i++) {
      const digit = Number(valid[i]);
      const typo = valid.slice(0, i) + String((digit + 1) % 10) + valid.slice(i + 1);
      expect(checkNationalId(typo), typo).toEqual({ ok: false, reason: 'checksum' });
    }
  });
});

describe('withCheckDigit', () => {
  it('completes nine digits into a valid ID', () => {
    expect(withCheckDigit('100000000')).toBe('1000000008');
    expect(withCheckDigit('123456789')).toBe('1234567897');
    expect(withCheckDigit('٢٠٠٠٠٠٠٠٠')).toBe('2000000006');
  });

  it('agrees with the reference check digit on many bodies', () => {
    for (let n = 0; n < 500; n++) {
      const first9 = String(100_000_000 + n * 1_999_993).slice(0, 9);
      expect(withCheckDigit(first9)).toBe(first9 + referenceCheckDigit(first9));
    }
  });

  it('refuses anything but exactly nine digits', () => {
    expect(() => withCheckDigit('12345678')).toThrow(RangeError);
    expect(() => withCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => withCheckDigit('12345678x')).toThrow(RangeError);
  });
});

describe('nationalIdTranspositions', () => {
  it('lists every ID one adjacent swap away, without the ID itself', () => {
    const swaps = nationalIdTranspositions('1234567897');
    expect(swaps).toHaveLength(9);
    expect(swaps).toContain('2134567897');
    expect(swaps).toContain('1234567879');
    expect(swaps).not.toContain('1234567897');
  });

  it('skips swaps of equal neighbours and lists each result once', () => {
    expect(nationalIdTranspositions('1000000008')).toEqual(['0100000008', '1000000080']);
    expect(nationalIdTranspositions('1111111111')).toEqual([]);
    const swaps = nationalIdTranspositions('1212121212');
    expect(new Set(swaps).size).toBe(swaps.length);
    expect(swaps).toHaveLength(9);
  });

  it('reads Arabic-Indic digits', () => {
    expect(nationalIdTranspositions('١٠٠٠٠٠٠٠٠٨')).toEqual(['0100000008', '1000000080']);
  });
});
