import Sqlite from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openStore } from '../store/db';
import { CliError, say, usageError } from './cli-output';

/**
 * Online backup (the app may stay open: SQLite copies a consistent snapshot), then the copy is made a
 * single self-contained file and checked page by page. An existing file is never overwritten.
 */
export async function backupCommand(options: { storePath: string; target: string | undefined }): Promise<number> {
  if (!options.target) throw usageError('حدّد مسار النسخة: mamen backup <path>', 'Name the backup file: mamen backup <path>');
  const target = resolve(options.target);
  if (existsSync(target)) throw new CliError(`الملف موجود مسبقاً ولن يُستبدل: ${target}`, `The file already exists and will not be overwritten: ${target}`);
  if (!existsSync(options.storePath)) throw new CliError(`لا توجد قاعدة بيانات في ${options.storePath}`, `There is no store at ${options.storePath}`);

  mkdirSync(dirname(target), { recursive: true });
  const store = await openStore(options.storePath);
  try {
    await store.sqlite.backup(target);
  } finally {
    await store.close();
  }
  // The copy inherits WAL mode; a backup on a USB stick should be one file with no -wal/-shm beside it.
  const copy = new Sqlite(target, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();

  const readOnly = new Sqlite(target, { readonly: true, fileMustExist: true });
  let verdict: string;
  try {
    verdict = (readOnly.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
  } finally {
    readOnly.close();
  }
  if (verdict !== 'ok') throw new CliError(`النسخة الاحتياطية تالفة: ${verdict}`, `The backup failed its integrity check: ${verdict}`);
  const megabytes = (statSync(target).size / (1024 * 1024)).toFixed(1);
  say(`تم إنشاء النسخة الاحتياطية والتحقق من سلامتها: ${target} (${megabytes} ميغابايت)`, `Backup written and verified: ${target} (${megabytes} MiB)`);
  return 0;
}
