import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DesksTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type DeskRow = Selectable<DesksTable>;

export function findDesk(db: Db, id: string): Promise<DeskRow | undefined> {
  return db.selectFrom('desks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listDesks(db: Db, branchId: string): Promise<DeskRow[]> {
  return db.selectFrom('desks').selectAll().where('branch_id', '=', branchId).orderBy('number').execute();
}

/** Another active desk of the branch with this number (desk numbers are what visitors read). */
export function findDeskByNumber(db: Db, branchId: string, number: number): Promise<DeskRow | undefined> {
  return db
    .selectFrom('desks')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('number', '=', number)
    .where('active', '=', 1)
    .executeTakeFirst();
}
