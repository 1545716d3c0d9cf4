import { describe, it, expect } from 'vitest';
import { formatSaudiMobile, normaliseSaudiMobile, phoneSearchVariants } from '../../src-shared/domain/phone';

const E164 = '+966551234567';

describe('normaliseSaudiMobile', () => {
  it.each([
    '0551234567',
    '551234567',
    '+966551234567',
    '00966551234567',
    '966551234567',
    '055 123 4567',
    '055-123-4567',
    '055.123.4567',
    '(055) 123 4567',
    '+966 55 123 4567',
    '+966 (0)55 123 4567',
    '٠٥٥١٢٣٤٥٦٧',
    '۰۵۵۱۲۳۴۵۶۷',
    '  \u200f0551234567\u200e ',
  ])('reads %j as the same mobile', (input) => {
    expect(normaliseSaudiMobile(input)).toBe(E164);
  });

  it('keeps every 5x operator prefix', () => {
    expect(normaliseSaudiMobile('0501234567')).toBe('+966501234567');
    expect(normaliseSaudiMobile('0591234567')).toBe('+966591234567');
  });

  it.each([
    ['a Riyadh landline', '0112345678'],
    ['a Jazan landline in international form', '+966173221234'],
    ['a number one digit short', '055123456'],
    ['a number one digit long', '05512345678'],
    ['letters', '055123456a'],
    ['an empty string', ''],
    ['a foreign number', '+201001234567'],
    ['a plus sign in the middle', '055+1234567'],
    ['an extension', '0551234567#12'],
  ])('refuses %s', (_label, input) => {
    expect(normaliseSaudiMobile(input)).toBeNull();
  });
});

describe('phoneSearchVariants', () => {
  it('gives the international, national and bare forms', () => {
    expect(phoneSearchVariants(E164)).toEqual(['966551234567', '0551234567', '551234567']);
  });

  it('gives nothing for a number that is not a Saudi mobile', () => {
    expect(phoneSearchVariants('+20100')).toEqual([]);
  });
});

describe('formatSaudiMobile', () => {
  it('shows the number as it is said aloud', () => {
    expect(formatSaudiMobile(E164)).toBe('055 123 4567');
  });

  it('returns anything else untouched', () => {
    expect(formatSaudiMobile('+4420 7946 0000')).toBe('+4420 7946 0000');
  });
});
