import { describe, it, expect } from 'vitest';
import { toLatinDigits } from '../../src-shared/domain/digits';

describe('toLatinDigits', () => {
  it('turns Arabic-Indic digits into Latin digits', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('turns Persian digits into Latin digits', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('leaves Latin digits, letters and punctuation alone', () => {
    expect(toLatinDigits('رقم 12-٣٤/۵۶ abc')).toBe('رقم 12-34/56 abc');
  });
});
