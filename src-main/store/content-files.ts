import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from './atomic-file';
import { contentFileKey, isSealed, openSealedContent, sealContent } from './content-crypto';

/**
 * Files kept beside the store and named by the SHA-256 of their bytes (attachments, signed forms,
 * knowledge PDFs): the same content is stored once, and a row that names a hash always finds the
 * bytes it was written with. `<store folder>/<shelf>/ab/cdef…<extension>`: two hex characters fan out.
 * With a store key the bytes on disk are sealed (content-crypto.ts); the name stays the hash of the
 * plaintext, checked on every read.
 */
export type ContentShelf = 'attachments' | 'forms' | 'knowledge-files';
const SHELVES: readonly ContentShelf[] = ['attachments', 'forms', 'knowledge-files'];

/** Where the files live and how they are sealed: a store (its path and key). */
export type ContentPlace = { path: string; key: Buffer | null };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function contentFilePath(storePath: string, shelf: ContentShelf, sha256: string, extension = ''): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 content name: ${sha256.slice(0, 16)}…`);
  return join(dirname(storePath), shelf, sha256.slice(0, 2), `${sha256.slice(2)}${extension}`);
}

/**
 * Writes the bytes once under their hash, sealed when the store has a key, whole or not at all
 * (temp file, fsync, rename). If the caller's transaction rolls back afterwards the file stays
 * unreferenced, which is harmless: the same bytes would land at the same name.
 * Returns false when the content was already there.
 */
export function writeContentFile(place: ContentPlace, shelf: ContentShelf, sha256: string, bytes: Uint8Array, extension = ''): boolean {
  const target = contentFilePath(place.path, shelf, sha256, extension);
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomically(target, place.key ? sealContent(contentFileKey(place.key), sha256, bytes) : bytes);
  return true;
}

/** The plaintext of a file as found on disk (sealed or from before encryption), if it is the content its name says. */
function verifiedPlaintext(place: ContentPlace, sha256: string, onDisk: Buffer): Buffer | null {
  const plain = isSealed(onDisk) ? (place.key ? openSealedContent(contentFileKey(place.key), sha256, onDisk) : null) : onDisk;
  return plain && sha256Hex(plain) === sha256 ? plain : null;
}

/**
 * The stored bytes, or null when there is no trustworthy copy: the file is missing (a store copied
 * without its folders), cannot be unsealed with this store's key, or is not the content its name says.
 */
export function readContentFile(place: ContentPlace, shelf: ContentShelf, sha256: string, extension = ''): Buffer | null {
  if (!SHA256_HEX.test(sha256)) return null;
  const path = contentFilePath(place.path, shelf, sha256, extension);
  return existsSync(path) ? verifiedPlaintext(place, sha256, readFileSync(path)) : null;
}

/**
 * Seals every plain file left from before the store was encrypted (each one atomically, so an
 * interrupted pass is finished by the next). A file whose bytes no longer match its name is left
 * untouched for an administrator to look at: reads already refuse it.
 */
export function sealPlainContentFiles(place: ContentPlace & { key: Buffer }): { sealed: number; mismatched: number } {
  const counts = { sealed: 0, mismatched: 0 };
  for (const shelf of SHELVES) {
    const shelfDir = join(dirname(place.path), shelf);
    if (!existsSync(shelfDir)) continue;
    for (const fan of readdirSync(shelfDir, { withFileTypes: true })) {
      if (!fan.isDirectory() || !/^[0-9a-f]{2}$/.test(fan.name)) continue;
      for (const entry of readdirSync(join(shelfDir, fan.name), { withFileTypes: true })) {
        const name = /^([0-9a-f]{62})(\.pdf)?$/.exec(entry.name);
        if (!entry.isFile() || !name) continue;
        const path = join(shelfDir, fan.name, entry.name);
        const bytes = readFileSync(path);
        if (isSealed(bytes)) continue;
        const sha256 = `${fan.name}${name[1]}`;
        if (sha256Hex(bytes) !== sha256) {
          counts.mismatched += 1;
          continue;
        }
        writeFileAtomically(path, sealContent(contentFileKey(place.key), sha256, bytes));
        counts.sealed += 1;
      }
    }
  }
  return counts;
}
