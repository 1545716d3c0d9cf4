import { describe, expect, it } from 'vitest';
import { safeInternalPath, withQueryParam } from '../../src-shared/domain/internal-path';

describe('returnTo after registering a beneficiary', () => {
  it('follows an in-app route, with its query', () => {
    expect(safeInternalPath('/interviews/0190a1b2')).toBe('/interviews/0190a1b2');
    expect(safeInternalPath('/interviews/x?ticket=abc')).toBe('/interviews/x?ticket=abc');
  });

  it('refuses anything that could leave the app', () => {
    for (const raw of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'interviews/1', 'javascript:alert(1)', '/a b', '/x\n', '', null, undefined]) {
      expect(safeInternalPath(raw)).toBeNull();
    }
    expect(safeInternalPath(`/${'a'.repeat(600)}`)).toBeNull();
  });

  it('adds the new beneficiary to the route, keeping what was there', () => {
    expect(withQueryParam('/interviews/1', 'beneficiary', 'b2')).toBe('/interviews/1?beneficiary=b2');
    expect(withQueryParam('/interviews/1?ticket=t9', 'beneficiary', 'b2')).toBe('/interviews/1?ticket=t9&beneficiary=b2');
    expect(withQueryParam('/interviews/1?beneficiary=old', 'beneficiary', 'b2')).toBe('/interviews/1?beneficiary=b2');
  });
});
