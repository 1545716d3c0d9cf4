import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createLogger } from '../api/logger';
import { buildHeadOffice } from './app';
import { openHeadOfficeStore } from './store';

/*
 * Head-office server entry: `npx tsx src-main/headoffice/server.ts`.
 *   DATABASE_URL              PostgreSQL connection string; without it, a SQLite file:
 *   HEADOFFICE_STORE          SQLite path (default ./headoffice-data/headoffice.sqlite)
 *   HEADOFFICE_HOST / _PORT   listen address (default 0.0.0.0:47800)
 *   HEADOFFICE_ADMIN_TOKEN    admin bearer token; without it one is made and kept in admin-token beside the store
 *   HEADOFFICE_TLS_CERT/_KEY  PEM files: serve HTTPS
 *   HEADOFFICE_UPDATES_DIR    folder with latest.yml and installers: the desks' update feed at /updates/
 *   HEADOFFICE_FILES_DIR      the desks' content files (default ./headoffice-data/files; shared by every
 *                             process when several run on one PostgreSQL: put it on a common mount)
 *   HEADOFFICE_MIN_DESK_SCHEMA the oldest desk schema version allowed to sync (default: the server's own)
 */

function adminToken(storePath: string): string {
  const fromEnv = process.env.HEADOFFICE_ADMIN_TOKEN;
  if (fromEnv) return fromEnv;
  const file = join(dirname(storePath), 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function main(): Promise<void> {
  const logger = createLogger();
  const sqlitePath = resolve(process.env.HEADOFFICE_STORE ?? 'headoffice-data/headoffice.sqlite');
  const store = await openHeadOfficeStore({
    databaseUrl: process.env.DATABASE_URL,
    sqlitePath,
    onConnectionLost: (error) => logger.warn({ err: error }, 'a pooled PostgreSQL connection was lost while idle; the next query opens a new one'),
  });
  const cert = process.env.HEADOFFICE_TLS_CERT;
  const key = process.env.HEADOFFICE_TLS_KEY;
  const app = await buildHeadOffice({
    store,
    logger,
    adminToken: adminToken(sqlitePath),
    https: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined,
    updatesDir: process.env.HEADOFFICE_UPDATES_DIR ? resolve(process.env.HEADOFFICE_UPDATES_DIR) : undefined,
    filesDir: resolve(process.env.HEADOFFICE_FILES_DIR ?? join(dirname(sqlitePath), 'files')),
    minDeskSchemaVersion: process.env.HEADOFFICE_MIN_DESK_SCHEMA ? Number(process.env.HEADOFFICE_MIN_DESK_SCHEMA) : undefined,
  });
  const port = Number(process.env.HEADOFFICE_PORT ?? 47800);
  await app.listen({ host: process.env.HEADOFFICE_HOST ?? '0.0.0.0', port });
  logger.info({ dialect: store.dialect, schemaVersion: store.schemaVersion, port, tls: Boolean(cert && key) }, 'head office listening');
  const stop = async () => { await app.close(); await store.close(); process.exit(0); };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  createLogger().fatal({ err: error }, 'head office failed to start');
  process.exit(1);
});
