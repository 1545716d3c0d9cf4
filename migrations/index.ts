import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';

/**
 * Every migration, in order, listed statically (bundlers see them; nothing is discovered at run time).
 * A landed migration is never edited: add the next number instead.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_foundation', m0001],
];
