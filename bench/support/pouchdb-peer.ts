import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/**
 * The sync benchmark's peer: PouchDB replicating documents to a CouchDB-compatible server on
 * loopback — express-pouchdb (the server half of pouchdb-server) — from a client PouchDB, through
 * the HTTP adapter and the replication plugin. Both ends keep their documents in LevelDB files
 * (pouchdb-adapter-leveldb, on disk like our SQLite stores). The same rows travel as documents, each
 * way, and the seconds of replication alone are timed (the documents are already in the source
 * database, as our outbox is already written).
 *
 * leveldown loads its prebuilt binary (its install script, a fallback compile, is not needed and
 * not allowed to run: package.json allowScripts).
 *
 * These packages ship no TypeScript types: they are required and described by the few calls used.
 */

type Doc = Record<string, unknown> & { _id: string };
type ReplicationResult = { docs_written: number; doc_write_failures: number };
type PouchDatabase = {
  bulkDocs(docs: Doc[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  replicate: {
    to(target: string, options: { batch_size: number }): Promise<ReplicationResult>;
    from(source: string, options: { batch_size: number }): Promise<ReplicationResult>;
  };
  destroy(): Promise<void>;
};
type PouchConstructor = {
  new (name: string, options?: { adapter: string; prefix?: string }): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: { adapter: string; prefix?: string }): PouchConstructor;
};
type ExpressApp = { use(path: string, handler: unknown): void; listen(port: number, host: string, done: () => void): Server };

const require = createRequire(import.meta.url);

function pouch(): PouchConstructor {
  const core = require('pouchdb-core') as PouchConstructor;
  return core.plugin(require('pouchdb-adapter-leveldb')).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication'));
}

/** PouchDB's replication batch size: the 100 it defaults to, raised so it is not held back by round trips. */
const BATCH_SIZE = 500;

export type PeerFigures = { docs: number; pushSeconds: number; pullSeconds: number };

/** `dir`: an empty folder for both ends' LevelDB files (the caller removes it). */
export async function runPouchPeer(docs: readonly Doc[], dir: string): Promise<PeerFigures> {
  const PouchDB = pouch();
  const serverDir = join(dir, 'server');
  mkdirSync(serverDir, { recursive: true });
  const express = require('express') as () => ExpressApp;
  const expressPouch = require('express-pouchdb') as (db: PouchConstructor, options: object) => unknown;
  const app = express();
  app.use('/', expressPouch(PouchDB.defaults({ adapter: 'leveldb', prefix: `${serverDir}/` }), { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/beneficiaries`;
  try {
    const desk = new PouchDB(join(dir, 'peer-desk'), { adapter: 'leveldb' });
    for (let i = 0; i < docs.length; i += 5000) await desk.bulkDocs(docs.slice(i, i + 5000));
    let started = performance.now();
    const pushed = await desk.replicate.to(remote, { batch_size: BATCH_SIZE });
    const pushSeconds = (performance.now() - started) / 1000;
    const fresh = new PouchDB(join(dir, 'peer-fresh-desk'), { adapter: 'leveldb' });
    started = performance.now();
    const pulled = await fresh.replicate.from(remote, { batch_size: BATCH_SIZE });
    const pullSeconds = (performance.now() - started) / 1000;
    if (pushed.docs_written !== docs.length || pulled.docs_written !== docs.length || (await fresh.info()).doc_count !== docs.length) {
      throw new Error(`PouchDB peer moved ${pushed.docs_written}/${pulled.docs_written} of ${docs.length} documents`);
    }
    await desk.destroy();
    await fresh.destroy();
    return { docs: docs.length, pushSeconds, pullSeconds };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
