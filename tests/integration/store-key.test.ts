import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KEY_ENV, storeKeyFromEnvOrFile } from '../../src-main/api/store-key';
import { openStore } from '../../src-main/store/db';
import { StoreKeyError } from '../../src-main/store/store-errors';
import { tempDir } from './support/test-runtime';

/** Where no OS keychain holds the key (browser host, command line): the environment or a 0600 key file. */

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function folder() {
  const temp = tempDir('mamen-key-');
  cleanups.push(temp.remove);
  return { storePath: join(temp.dir, 'mamen.sqlite'), keyFile: join(temp.dir, 'store.key') };
}

function refusal(run: () => unknown): StoreKeyError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreKeyError) return error;
    throw error;
  }
  throw new Error('expected a StoreKeyError');
}

describe('store key from the environment or a key file', () => {
  it('creates a random key file readable by its owner only on the first run, and reads the same key after', () => {
    const { storePath, keyFile } = folder();
    const first = storeKeyFromEnvOrFile({ storePath, keyFile, env: {} });
    expect(first).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'latin1').trim()).toBe(first.toString('hex'));
    expect(storeKeyFromEnvOrFile({ storePath, keyFile, env: {} }).equals(first)).toBe(true);
    const other = folder();
    expect(storeKeyFromEnvOrFile({ ...other, env: {} }).equals(first)).toBe(false);
  });

  it('takes the key from MAMEN_STORE_KEY before any file, and writes no file', () => {
    const { storePath, keyFile } = folder();
    const hex = 'ab'.repeat(32);
    expect(storeKeyFromEnvOrFile({ storePath, keyFile, env: { [STORE_KEY_ENV]: hex } }).toString('hex')).toBe(hex);
    expect(existsSync(keyFile)).toBe(false);
    const bad = refusal(() => storeKeyFromEnvOrFile({ storePath, keyFile, env: { [STORE_KEY_ENV]: 'not-hex' } }));
    expect(bad.ar).toContain('64 خانة');
    expect(bad.en).toContain('64 hexadecimal');
  });

  it('refuses a key file others could read, in Arabic and English, and does not touch it', () => {
    const { storePath, keyFile } = folder();
    storeKeyFromEnvOrFile({ storePath, keyFile, env: {} });
    chmodSync(keyFile, 0o644);
    const before = readFileSync(keyFile);
    const error = refusal(() => storeKeyFromEnvOrFile({ storePath, keyFile, env: {} }));
    expect(error.ar).toContain('chmod 600');
    expect(error.en).toContain('0644');
    expect(error.en).toContain('chmod 600');
    expect(readFileSync(keyFile).equals(before)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o644);
    chmodSync(keyFile, 0o640);
    expect(() => storeKeyFromEnvOrFile({ storePath, keyFile, env: {} })).toThrow(StoreKeyError);
  });

  it('refuses a key file that does not hold a key', () => {
    const { storePath, keyFile } = folder();
    writeFileSync(keyFile, 'hello\n', { mode: 0o600 });
    expect(refusal(() => storeKeyFromEnvOrFile({ storePath, keyFile, env: {} })).en).toContain('not valid');
  });

  it('never invents a new key for a store that is already encrypted', async () => {
    const { storePath, keyFile } = folder();
    const key = storeKeyFromEnvOrFile({ storePath, keyFile, env: {} });
    const store = await openStore(storePath, { key });
    await store.close();
    const lost = join(storePath, '..', 'lost.key');
    const error = refusal(() => storeKeyFromEnvOrFile({ storePath, keyFile: lost, env: {} }));
    expect(error.en).toContain('key is missing');
    expect(existsSync(lost)).toBe(false);
  });
});
