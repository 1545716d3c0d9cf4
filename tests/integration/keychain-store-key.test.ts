import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src-main/store/db';
import { StoreKeyError } from '../../src-main/store/store-errors';
import { tempDir } from './support/test-runtime';

/**
 * The Electron binary cannot run here, so `safeStorage` is replaced by a stand-in with the same
 * contract (encryptString → opaque bytes, decryptString → the string, or a throw for foreign bytes);
 * everything around it (files, modes, refusals, the store) is real.
 */
const keychain = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', secret: 0x5a }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    encryptString: (text: string) => Buffer.from(Buffer.from(`wrapped:${text}`).map((b) => b ^ keychain.secret)),
    decryptString: (bytes: Buffer) => {
      const text = Buffer.from(bytes.map((b) => b ^ keychain.secret)).toString();
      if (!text.startsWith('wrapped:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice('wrapped:'.length);
    },
  },
}));
const { storeKeyFromKeychain } = await import('../../src-main/app/keychain-store-key');

let dir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, remove } = tempDir('mamen-keychain-'));
  Object.assign(keychain, { available: true, backend: 'gnome_libsecret', secret: 0x5a });
});
afterEach(() => remove());

const storePath = () => join(dir, 'mamen.sqlite');
const wrappedFile = () => join(dir, 'store-key.safestorage');

function refusal(run: () => unknown): StoreKeyError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreKeyError) return error;
    throw error;
  }
  throw new Error('expected a StoreKeyError');
}

describe('the desktop store key in the OS keychain', () => {
  it('makes a random key on the first run, keeps it only wrapped by the keychain, and finds the same key again', () => {
    const key = storeKeyFromKeychain(dir, storePath());
    expect(key).toHaveLength(32);
    const onDisk = readFileSync(wrappedFile());
    expect(onDisk.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(storeKeyFromKeychain(dir, storePath()).equals(key)).toBe(true);
  });

  it('refuses to start without a real keychain rather than keep the key in the clear', () => {
    keychain.available = false;
    expect(refusal(() => storeKeyFromKeychain(dir, storePath())).en).toContain('No OS keychain');
    keychain.available = true;
    keychain.backend = 'basic_text';
    if (process.platform === 'linux') expect(refusal(() => storeKeyFromKeychain(dir, storePath())).ar).toContain('gnome-keyring');
    expect(existsSync(wrappedFile())).toBe(false);
  });

  it('refuses a wrapped key another account or system cannot unwrap, changing nothing', () => {
    storeKeyFromKeychain(dir, storePath());
    const before = readFileSync(wrappedFile());
    keychain.secret = 0x33;
    expect(refusal(() => storeKeyFromKeychain(dir, storePath())).en).toContain('could not unwrap');
    expect(readFileSync(wrappedFile()).equals(before)).toBe(true);
  });

  it('takes in the key file of the browser build once, then deletes the clear copy', async () => {
    const hex = 'ef'.repeat(32);
    writeFileSync(join(dir, 'store.key'), `${hex}\n`, { mode: 0o600 });
    const store = await openStore(storePath(), { key: Buffer.from(hex, 'hex') });
    await store.close();
    expect(storeKeyFromKeychain(dir, storePath()).toString('hex')).toBe(hex);
    expect(existsSync(join(dir, 'store.key'))).toBe(false);
    expect(storeKeyFromKeychain(dir, storePath()).toString('hex')).toBe(hex);
  });

  it('never invents a key for an encrypted store whose key is gone', async () => {
    const store = await openStore(storePath(), { key: Buffer.alloc(32, 9) });
    await store.close();
    expect(refusal(() => storeKeyFromKeychain(dir, storePath())).en).toContain('key is missing');
    expect(existsSync(wrappedFile())).toBe(false);
  });
});
