import { CompiledQuery, SqliteAdapter, type InsertQueryBuilder, type InsertResult, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Writing many rows of one table and one column set, the fastest way each dialect allows:
 * - SQLite: one single-row statement, compiled by Kysely once and run per row (the statement is
 *   prepared once too: statement-cache.ts). Binding a short statement many times is faster than a
 *   statement of thousands of parameters, and there is no round trip to save.
 * - PostgreSQL: multi-row statements of at most 8,000 parameters, one round trip each.
 * Every row must have the first row's columns (missing ones are written as NULL).
 */

type Value = string | number | null;
type Row = Record<string, Value>;
type LooseDb = Record<string, Row>;
type Db = Kysely<Database> | Transaction<Database>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape is applied to any travelling table's insert
type Insert = InsertQueryBuilder<LooseDb, any, InsertResult>;

/** PostgreSQL accepts up to 65,535 parameters per statement; this stays well below. */
const MAX_PARAMETERS = 8000;

export async function insertRows(db: Db, table: string, rows: readonly Row[], shape: (insert: Insert) => Insert = (insert) => insert): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const loose = db as unknown as Kysely<LooseDb>;
  const columns = Object.keys(first);
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const compiled = shape(loose.insertInto(table).values(first)).compile();
    // Kysely leaves a column out of the statement when its value is undefined: then the per-row
    // parameters would not line up, so such a set goes the general way.
    if (compiled.parameters.length === columns.length) {
      for (const row of rows) await db.executeQuery(CompiledQuery.raw(compiled.sql, columns.map((column) => row[column] ?? null)));
      return;
    }
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) await shape(loose.insertInto(table).values(rows.slice(i, i + perStatement))).execute();
}
