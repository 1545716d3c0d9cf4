import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src-shared/contract';
import { methodScope } from '../../src-shared/contract/branch-scope';
import { ROLES_DOC_PATH, rolesMarkdown } from '../../scripts/roles-table';

const methods = Object.keys(contract) as MethodName[];

describe('the generated role table (docs/roles.md)', () => {
  it('declares a scope for every contract method', () => {
    expect(methods.filter((m) => methodScope(m) === null)).toEqual([]);
  });

  it('is up to date with the contract (run `npm run docs:roles` after changing a method)', () => {
    expect(readFileSync(ROLES_DOC_PATH, 'utf8')).toBe(rolesMarkdown());
  });

  it('lists every method once, with its roles', () => {
    const doc = rolesMarkdown();
    for (const method of methods) expect(doc.split(`| \`${method}\` |`).length - 1).toBe(1);
    expect(doc).toMatch(/\| `committee\.decide` \| write \| — \| — \| ✓ \| ✓ \| — \| branch \|/);
  });
});
