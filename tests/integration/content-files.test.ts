import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFilePath, readContentFile, sealPlainContentFiles, sha256Hex, writeContentFile } from '../../src-main/store/content-files';
import { tempDir } from './support/test-runtime';

/** Files beside the store: sealed with a key derived from the store key, named and checked by the hash of their plaintext. */

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function place(key: Buffer | null = randomBytes(32)) {
  const temp = tempDir('mamen-files-');
  cleanups.push(temp.remove);
  return { path: join(temp.dir, 'mamen.sqlite'), key };
}

const PLAIN = Buffer.from('%PDF-1.7 family register of a test family, page 1');
const SHA = sha256Hex(PLAIN);

describe('sealed content files', () => {
  it('keeps no plaintext on disk and gives back exactly the bytes written', () => {
    const at = place();
    expect(writeContentFile(at, 'forms', SHA, PLAIN, '.pdf')).toBe(true);
    const onDisk = readFileSync(contentFilePath(at.path, 'forms', SHA, '.pdf'));
    expect(onDisk.includes(Buffer.from('family register'))).toBe(false);
    expect(onDisk.subarray(0, 8).toString('latin1')).toBe('MAMENCF1');
    expect(readContentFile(at, 'forms', SHA, '.pdf')?.equals(PLAIN)).toBe(true);
    // Same content twice: one file, a fresh nonce only when written.
    expect(writeContentFile(at, 'forms', SHA, PLAIN, '.pdf')).toBe(false);
  });

  it('refuses a file altered on disk, sealed with another store key, or moved under another name', () => {
    const at = place();
    writeContentFile(at, 'attachments', SHA, PLAIN);
    const path = contentFilePath(at.path, 'attachments', SHA);
    expect(readContentFile({ path: at.path, key: randomBytes(32) }, 'attachments', SHA)).toBeNull();

    const other = Buffer.from('%PDF-1.7 another document');
    const otherSha = sha256Hex(other);
    const otherPath = contentFilePath(at.path, 'attachments', otherSha);
    mkdirSync(dirname(otherPath), { recursive: true });
    copyFileSync(path, otherPath);
    expect(readContentFile(at, 'attachments', otherSha)).toBeNull();

    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0x01, bytes.length - 20);
    writeFileSync(path, bytes);
    expect(readContentFile(at, 'attachments', SHA)).toBeNull();
  });

  it('still reads a plain file from before encryption, checked against its name, and seals it in the pass', () => {
    const at = place();
    const path = contentFilePath(at.path, 'knowledge-files', SHA, '.pdf');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, PLAIN);
    const wrongName = contentFilePath(at.path, 'knowledge-files', sha256Hex('something else'), '.pdf');
    mkdirSync(dirname(wrongName), { recursive: true });
    writeFileSync(wrongName, PLAIN);

    expect(readContentFile(at, 'knowledge-files', SHA, '.pdf')?.equals(PLAIN)).toBe(true);
    expect(readContentFile(at, 'knowledge-files', sha256Hex('something else'), '.pdf')).toBeNull();

    expect(sealPlainContentFiles({ path: at.path, key: at.key! })).toEqual({ sealed: 1, mismatched: 1 });
    expect(readFileSync(path).includes(Buffer.from('family register'))).toBe(false);
    expect(readContentFile(at, 'knowledge-files', SHA, '.pdf')?.equals(PLAIN)).toBe(true);
    // The mismatched file is left for an administrator to look at; a second pass finds nothing new.
    expect(readFileSync(wrongName).equals(PLAIN)).toBe(true);
    expect(sealPlainContentFiles({ path: at.path, key: at.key! })).toEqual({ sealed: 0, mismatched: 1 });
  });

  it('writes plain files for a store opened without a key', () => {
    const at = place(null);
    writeContentFile(at, 'forms', SHA, PLAIN, '.pdf');
    expect(readFileSync(contentFilePath(at.path, 'forms', SHA, '.pdf')).equals(PLAIN)).toBe(true);
    expect(readContentFile(at, 'forms', SHA, '.pdf')?.equals(PLAIN)).toBe(true);
  });
});
