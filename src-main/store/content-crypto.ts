import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing of the files kept beside the store (attachments, signed forms, knowledge PDFs): AES-256-GCM
 * with a fresh 12-byte nonce per file, under a key derived from the store key by HKDF-SHA256, so the
 * store key itself never encrypts anything but the database. The file's content address (the SHA-256
 * of its plaintext) is bound in as associated data: a sealed file moved under another name fails.
 *
 * Layout: `MAMENCF1` (8 bytes) · nonce (12) · ciphertext · tag (16).
 */

const MAGIC = Buffer.from('MAMENCF1', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const derived = new WeakMap<Buffer, Buffer>();

/** The content-file key of a store key (HKDF-SHA256, its own salt and purpose). */
export function contentFileKey(storeKey: Buffer): Buffer {
  let key = derived.get(storeKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', storeKey, 'mamen content files', 'aes-256-gcm v1', 32));
    derived.set(storeKey, key);
  }
  return key;
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length + NONCE_BYTES + TAG_BYTES && MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length));
}

export function sealContent(fileKey: Buffer, sha256: string, plain: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', fileKey, nonce);
  cipher.setAAD(Buffer.from(sha256, 'latin1'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the file was not sealed with this key for this name (or was altered). */
export function openSealedContent(fileKey: Buffer, sha256: string, sealed: Buffer): Buffer | null {
  if (!isSealed(sealed)) return null;
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce);
  decipher.setAAD(Buffer.from(sha256, 'latin1'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
