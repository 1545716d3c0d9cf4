import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { keyFilePathIn, newStoreKey, readKeyFile, refuseIfStoreNeedsItsKey } from '../api/store-key';
import { writeFileAtomically } from '../store/atomic-file';
import { StoreKeyError } from '../store/store-errors';

/**
 * The desk's store key, kept wrapped by the OS keychain (Electron safeStorage: DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux) in `<userData>/store-key.safestorage`, as Signal
 * Desktop keeps its own. Without a real keychain the app refuses to start rather than keep the key
 * in the clear. A key file left by the browser build (`store.key`) is taken into the keychain once.
 */

const WRAPPED_KEY_FILE = 'store-key.safestorage';

function requireKeychain(): void {
  // On Linux without a keyring, Electron falls back to 'basic_text': a fixed password, no protection.
  const plainFallback = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (safeStorage.isEncryptionAvailable() && !plainFallback) return;
  throw new StoreKeyError(
    'لا تتوفر خزنة مفاتيح في نظام التشغيل لحفظ مفتاح تشفير قاعدة البيانات، ولن يُحفظ المفتاح دون حماية. على لينكس ثبّت gnome-keyring أو KWallet وسجّل الدخول إلى سطح المكتب ثم أعد تشغيل البرنامج.',
    'No OS keychain is available to keep the store encryption key, and the key will not be kept unprotected. On Linux install gnome-keyring or KWallet, sign in to the desktop session, then start the app again.',
  );
}

function unwrap(file: string): Buffer {
  let hex: string;
  try {
    hex = safeStorage.decryptString(readFileSync(file));
  } catch {
    throw new StoreKeyError(
      'تعذّر على خزنة المفاتيح فك مفتاح قاعدة البيانات (حساب مستخدم آخر أو نظام أُعيد تثبيته). لم يتغيّر شيء في البيانات.',
      'The keychain could not unwrap the store key (another user account, or a reinstalled system). Nothing was changed.',
    );
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new StoreKeyError('مفتاح قاعدة البيانات المحفوظ تالف.', 'The saved store key is damaged.');
  return Buffer.from(hex, 'hex');
}

export function storeKeyFromKeychain(dataDir: string, storePath: string): Buffer {
  requireKeychain();
  const wrapped = join(dataDir, WRAPPED_KEY_FILE);
  if (existsSync(wrapped)) return unwrap(wrapped);
  const keyFile = keyFilePathIn(dataDir);
  const adopted = existsSync(keyFile) ? readKeyFile(keyFile) : null;
  if (!adopted) refuseIfStoreNeedsItsKey(storePath, wrapped);
  const key = adopted ?? newStoreKey();
  // Written (and flushed) before the store is encrypted with it.
  writeFileAtomically(wrapped, safeStorage.encryptString(key.toString('hex')), 0o600);
  if (adopted && unwrap(wrapped).equals(key)) rmSync(keyFile);
  return key;
}
