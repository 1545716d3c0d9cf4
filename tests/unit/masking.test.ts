import { describe, expect, it } from 'vitest';
import { isMaskedValue, maskNationalId, maskPhone } from '../../src-shared/domain/masking';
import { mayReveal, PROFILE_VISIBILITY, profileVisibility, REVEAL_ROLES } from '../../src-shared/domain/sensitive-fields';
import { ROLES } from '../../src-shared/domain/roles';

describe('masking rules', () => {
  it('keeps the first and last two characters of an ID number', () => {
    expect(maskNationalId('1234567889')).toBe('1•••••••89');
    expect(maskNationalId('2087654321')).toBe('2•••••••21');
    expect(maskNationalId('A1234567')).toBe('A•••••67');
    expect(maskNationalId('123')).toBe('•••');
  });

  it('keeps the country and mobile prefix and the last two digits of a phone', () => {
    expect(maskPhone('+966512345612')).toBe('+9665••••••12');
    expect(maskPhone('0551234567')).toBe('05••••••67');
    expect(maskPhone('12345')).toBe('•••45');
  });

  it('never leaves more than the two last digits of the subscriber number', () => {
    for (const phone of ['+966551234567', '0551234567']) {
      const masked = maskPhone(phone);
      expect(masked).not.toContain('1234');
      expect(masked.length).toBe(phone.length);
    }
  });

  it('tells a masked value from a clear one', () => {
    expect(isMaskedValue(maskNationalId('1234567889'))).toBe(true);
    expect(isMaskedValue('1234567889')).toBe(false);
    expect(isMaskedValue(null)).toBe(false);
  });
});

describe('profile visibility policy', () => {
  it('has a rule for every role', () => {
    expect(Object.keys(PROFILE_VISIBILITY).sort()).toEqual([...ROLES].sort());
  });

  it('shows the researcher the file in clear and masks it for the front desk and oversight', () => {
    expect(profileVisibility('researcher')).toBe('clear');
    for (const role of ['reception', 'committee', 'manager', 'admin'] as const) expect(profileVisibility(role)).toBe('masked');
  });

  it('lets every role but the committee reveal', () => {
    expect(ROLES.filter(mayReveal)).toEqual(['reception', 'researcher', 'manager', 'admin']);
    expect(REVEAL_ROLES).not.toContain('committee');
  });
});
