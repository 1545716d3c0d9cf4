import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BranchesTable, Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type BranchRow = Selectable<BranchesTable>;

export function listBranches(db: Db): Promise<BranchRow[]> {
  return db.selectFrom('branches').selectAll().orderBy('is_headquarters', 'desc').orderBy('code').execute();
}

export function findBranch(db: Db, id: string): Promise<BranchRow | undefined> {
  return db.selectFrom('branches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBranchByCode(db: Db, code: string): Promise<BranchRow | undefined> {
  return db.selectFrom('branches').selectAll().where('code', '=', code).executeTakeFirst();
}
