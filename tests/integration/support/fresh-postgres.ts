import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs one statement on the maintenance database named by DATABASE_URL. */
export async function onAdminDatabase(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? '' });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** One throw-away PostgreSQL database, so test files never see each other's rows; `drop` ends its connections first. */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onAdminDatabase(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onAdminDatabase(`drop database if exists ${name} with (force)`) };
}
