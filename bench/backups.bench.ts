/**
 * Backups benchmark (issue 9: scheduled online backups, verified after writing, restorable). A store
 * of 50,000 beneficiaries (BENCH_BENEFICIARIES) is backed up the way the daily job does it (VACUUM INTO
 * on a second connection, integrity_check, audit chain, hash, manifest), checked as a restore checks
 * it, and restored through the API; the start-up quick_check is timed too. Peer: SQLite's online backup API (better-sqlite3 `backup()`) on a
 * plain copy of the same data, the tool the issue names, which refuses encrypted stores. Figures, not assertions.
 */
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectBackup, writeBackup } from '../src-main/services/backup-archive';
import { snapshotStore, storeFileProblem } from '../src-main/store/backup-copy';
import { applyStoreKey } from '../src-main/store/db';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { openBenchStore } from './support/bench-store';

const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const bench = await openBenchStore('backups');
  const scratch = mkdtempSync(join(tmpdir(), 'mamen-bench-backups-out-'));
  try {
    const { runtime } = bench;
    seedBeneficiaries(runtime.store.sqlite, bench.branchId, BENEFICIARIES, new Rng(20261126));
    runtime.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const storeBytes = statSync(runtime.store.path).size;
    console.log(`store: ${BENEFICIARIES.toLocaleString('en')} beneficiaries, ${(storeBytes / 1_048_576).toFixed(1)} MiB, encrypted`);

    const folder = join(scratch, 'usb');
    mkdirSync(folder);
    const write: number[] = [];
    const snapshot: number[] = [];
    const verify: number[] = [];
    const peer: number[] = [];
    let lastName = '';
    // The peer's input: the same data in a plain file (the backup API cannot read an encrypted one).
    const plainPath = join(scratch, 'plain.sqlite');
    snapshotStore(runtime.store.path, runtime.store.key, join(scratch, 'enc-copy.sqlite'));
    const plainSource = new Sqlite(join(scratch, 'enc-copy.sqlite'));
    applyStoreKey(plainSource, runtime.store.key);
    plainSource.pragma(`rekey = ''`);
    plainSource.close();
    const plain = new Sqlite(join(scratch, 'enc-copy.sqlite'));
    await plain.backup(plainPath);
    plain.close();

    for (let run = 0; run < RUNS; run += 1) {
      const at = new Date(Date.UTC(2026, 0, 1 + run, 23));
      const written = await timed(() => writeBackup({ storePath: runtime.store.path, key: runtime.store.key, folder, kind: 'manual', at, appVersion: 'bench' }));
      write.push(written.ms);
      lastName = written.value.name;
      snapshot.push((await timed(() => snapshotStore(runtime.store.path, runtime.store.key, join(scratch, `snap-${run}.sqlite`)))).ms);
      verify.push((await timed(() => inspectBackup(join(folder, lastName), runtime.store.key, null))).ms);
      const source = new Sqlite(plainPath, { readonly: true });
      peer.push((await timed(() => source.backup(join(scratch, `peer-${run}.sqlite`)))).ms);
      source.close();
    }
    const startCheck = await timed(() => storeFileProblem(runtime.store.path, runtime.store.key));
    if (startCheck.value !== null) throw new Error(`the seeded store failed its check: ${startCheck.value}`);
    await bench.call('backups.configure', { folder, daily: true });
    const restore = await timed(() => bench.call('backups.restore', { name: lastName }));

    const f = (n: number) => `${(n / 1000).toFixed(2)} s`;
    console.log(`backup written and verified (snapshot + integrity_check + audit chain + hash + manifest): median ${f(median(write))} of ${RUNS}`);
    console.log(`  of which the snapshot alone (VACUUM INTO, encrypted): median ${f(median(snapshot))}`);
    console.log(`peer, SQLite online backup API on the plain copy: median ${f(median(peer))}`);
    console.log(`ratio snapshot / online backup API: ${(median(snapshot) / median(peer)).toFixed(2)}×; whole verified backup / online backup API: ${(median(write) / median(peer)).toFixed(2)}×`);
    console.log(`check of a backup before restoring (hash + integrity_check + audit chain): median ${f(median(verify))}`);
    console.log(`start-up check of the store (PRAGMA quick_check): ${f(startCheck.ms)}`);
    console.log(`restore through the API (check, pre-restore backup, swap, reopen): ${f(restore.ms)}`);
  } finally {
    await bench.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main();
