import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from '../store/atomic-file';
import { storeFileState } from '../store/store-encryption';
import { StoreKeyError } from '../store/store-errors';

/**
 * The store key where no OS keychain holds it (the browser host, the command line): from
 * `MAMEN_STORE_KEY` (64 hex characters), else from a key file only its owner can read (0600),
 * created on the first run. The Electron desk keeps its key in the keychain instead
 * (app/keychain-store-key.ts). A key is never made up for a store that is already encrypted.
 */

export const STORE_KEY_ENV = 'MAMEN_STORE_KEY';
export const KEY_FILE_NAME = 'store.key';
const KEY_HEX = /^[0-9a-fA-F]{64}$/;

export function keyFilePathIn(dataDir: string): string {
  return join(dataDir, KEY_FILE_NAME);
}

/** A new random store key (32 bytes). */
export function newStoreKey(): Buffer {
  return randomBytes(32);
}

/** Refuses to invent a key for a store that another key already encrypts: it would only lock it further. */
export function refuseIfStoreNeedsItsKey(storePath: string, where: string): void {
  if (storeFileState(storePath) !== 'encrypted') return;
  throw new StoreKeyError(
    `قاعدة البيانات مشفّرة ومفتاحها غير موجود (${where}). أعد ملف المفتاح من نسخته الاحتياطية أو عرّفه في ${STORE_KEY_ENV}. لم يتغيّر شيء في البيانات.`,
    `The store is encrypted and its key is missing (${where}). Put the key file back from its backup, or set ${STORE_KEY_ENV}. Nothing was changed.`,
  );
}

function parseKeyHex(text: string, source: string): Buffer {
  const hex = text.trim();
  if (!KEY_HEX.test(hex)) {
    throw new StoreKeyError(
      `مفتاح قاعدة البيانات في ${source} غير صالح: يجب أن يكون 64 خانة ست عشرية.`,
      `The store key in ${source} is not valid: it must be 64 hexadecimal characters.`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** Reads a key file, refusing one that others than its owner could read or change. */
export function readKeyFile(keyFile: string): Buffer {
  const stat = statSync(keyFile);
  if (!stat.isFile()) {
    throw new StoreKeyError(`ملف المفتاح ${keyFile} ليس ملفاً عادياً.`, `The key file ${keyFile} is not a regular file.`);
  }
  // Windows has no POSIX modes (its ACLs come from the per-user data folder); elsewhere only 0600 or stricter.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    throw new StoreKeyError(
      `صلاحيات ملف المفتاح ${keyFile} واسعة (${mode}): يجب ألا يقرأه إلا مالكه. نفّذ: chmod 600 "${keyFile}" ثم أعد المحاولة.`,
      `The key file ${keyFile} is readable by others (mode ${mode}); only its owner may read it. Run: chmod 600 "${keyFile}" and try again.`,
    );
  }
  return parseKeyHex(readFileSync(keyFile, 'latin1'), keyFile);
}

/**
 * The key of the store at `storePath`: the environment variable, else the key file; on the first run
 * (no key file, and no encrypted store) a new key is written to the key file with mode 0600.
 */
export function storeKeyFromEnvOrFile(options: { storePath: string; keyFile: string; env?: NodeJS.ProcessEnv }): Buffer {
  const fromEnv = (options.env ?? process.env)[STORE_KEY_ENV];
  if (fromEnv) return parseKeyHex(fromEnv, STORE_KEY_ENV);
  if (existsSync(options.keyFile)) return readKeyFile(options.keyFile);
  refuseIfStoreNeedsItsKey(options.storePath, options.keyFile);
  const key = newStoreKey();
  mkdirSync(dirname(options.keyFile), { recursive: true, mode: 0o700 });
  writeFileAtomically(options.keyFile, `${key.toString('hex')}\n`, 0o600);
  return key;
}
