import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect';

/*
 * A username is unique within its branch, no longer across the association. Users travel within
 * their branch and branches work offline: two branches that each take on an "ahmad" cannot see each
 * other, so an association-wide rule could only be enforced by refusing one of them at head office
 * (a change parked for good). Sign-in on a desk resolves the username among the desk's branch's
 * users first (src-main/store/users.ts).
 *
 * PostgreSQL drops the column's unique constraint. SQLite cannot drop a column constraint, so the
 * table is rebuilt from its own definition (columns added by any later migration included), with
 * foreign keys off while the old table is dropped and checked again before they are back on.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const COLUMN_UNIQUE = '"username" text not null unique';
const COLUMN_PLAIN = '"username" text not null';

async function rebuildUsersTable(db: AnyDb, from: string, to: string): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'users'`.execute(db);
  const ddl = table.rows[0]?.sql ?? '';
  if (!ddl.includes(from)) throw new Error(`users table is not as migration 0017 expects: ${from} not found`);
  // Indexes and triggers on users go with the old table: made again on the new one.
  const attached = await sql<{ sql: string }>`select sql from sqlite_master where tbl_name = 'users' and type in ('index', 'trigger') and sql is not null`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      await sql.raw(ddl.replace('CREATE TABLE "users"', 'CREATE TABLE "users_0017"').replace(from, to)).execute(tx);
      await sql`insert into users_0017 select * from users`.execute(tx);
      await sql`drop table users`.execute(tx);
      await sql`alter table users_0017 rename to users`.execute(tx);
      for (const row of attached.rows) await sql.raw(row.sql).execute(tx);
      const broken = await sql`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0) throw new Error('migration 0017 left rows pointing at no user');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) await rebuildUsersTable(db, COLUMN_UNIQUE, COLUMN_PLAIN);
  else await sql`alter table users drop constraint if exists users_username_key`.execute(db);
  await db.schema.createIndex('users_branch_username_uq').on('users').columns(['branch_id', 'username']).unique().execute();
  // Sign-in looks a username up before it knows the branch (the desk's own branch is preferred).
  await db.schema.createIndex('users_username_ix').on('users').column('username').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('users_username_ix').ifExists().execute();
  await db.schema.dropIndex('users_branch_username_uq').ifExists().execute();
  if (isSqlite(db)) await rebuildUsersTable(db, COLUMN_PLAIN, COLUMN_UNIQUE);
  else await sql`alter table users add constraint users_username_key unique (username)`.execute(db);
}
