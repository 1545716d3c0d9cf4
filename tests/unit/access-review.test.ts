import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';

/**
 * The access review of issue 9, kept true: who may decide, study, administer and open the door
 * before sign-in. A change that widens one of these fails here and has to be argued for.
 */
const methods = Object.keys(contract) as MethodName[];
function roles(method: MethodName): readonly Role[] | 'public' | 'session' {
  return contract[method].access;
}

describe('access review', () => {
  it('leaves only sign-in, first-run setup and recovery open before sign-in', () => {
    const open = methods.filter((m) => roles(m) === 'public').sort();
    expect(open.filter((m) => !['auth.', 'setup.', 'recovery.'].some((area) => m.startsWith(area)))).toEqual([]);
    expect(open).toEqual(expect.arrayContaining(['auth.login', 'auth.me', 'setup.status', 'setup.initialise']));
  });

  it('lets only the committee and the manager take committee decisions and hold sessions', () => {
    for (const method of ['committee.decide', 'committee.createSession'] as MethodName[]) {
      expect([...(roles(method) as Role[])].sort()).toEqual(['committee', 'manager']);
    }
  });

  it('lets only researchers and the manager write the social research report', () => {
    expect([...(roles('committee.writeReport') as Role[])].sort()).toEqual(['manager', 'researcher']);
  });

  it('keeps accounts, branches, imports, the knowledge base and backups with the administrator', () => {
    const adminOnly = methods.filter((m) => /^(users|imports|backups)\./.test(m) && contract[m].writes).concat(['branches.create', 'knowledge.save', 'knowledge.setRetired'] as MethodName[]);
    for (const method of adminOnly) expect(roles(method), method).toEqual(['admin']);
  });

  it('never lets the reception desk change settings, rules or other staff', () => {
    const settings = methods.filter((m) => /\.(set|save)[A-Z]|\.configure$|\.setPriorities$|\.saveDesk$|\.assign$/.test(m) && !m.startsWith('interviews.') && !m.startsWith('forms.'));
    expect(settings.length).toBeGreaterThan(5);
    for (const method of settings) {
      const access = roles(method);
      expect(access === 'public' || access === 'session' || access.includes('reception'), method).toBe(false);
    }
  });

  it('gives every method a role list without duplicates', () => {
    for (const method of methods) {
      const access = roles(method);
      if (Array.isArray(access)) expect(new Set(access).size, method).toBe(access.length);
    }
  });
});
