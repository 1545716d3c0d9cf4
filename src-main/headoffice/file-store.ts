import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/**
 * Head office's copy of the desks' content files (attachments, signed forms, knowledge PDFs), kept
 * on disk in its data folder and named by the SHA-256 of their plaintext: `<dir>/ab/cdef…`. A file
 * arrives in pieces (`…part`, appended to as bytes come in, so a cut upload resumes from its
 * length) and is moved to its name only once its hash is verified. The database holds rows only:
 * several head-office processes on one PostgreSQL share this folder (a network mount).
 */

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Larger than any attachment or PDF the app accepts; a declared size above it is refused. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

export type PutResult =
  | { kind: 'complete' }
  | { kind: 'partial'; received: number }
  | { kind: 'offset_mismatch'; received: number }
  | { kind: 'corrupt' };

export class FileStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  static isHash(value: string): boolean {
    return SHA256_HEX.test(value);
  }

  private path(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2));
  }

  private partPath(sha256: string): string {
    return `${this.path(sha256)}.part`;
  }

  /** The size of the complete file, or null. */
  size(sha256: string): number | null {
    const path = this.path(sha256);
    return existsSync(path) ? statSync(path).size : null;
  }

  /** How many bytes of an unfinished upload are kept. */
  received(sha256: string): number {
    const part = this.partPath(sha256);
    return existsSync(part) ? statSync(part).size : 0;
  }

  read(sha256: string, start: number, end: number): Readable {
    return createReadStream(this.path(sha256), { start, end });
  }

  /**
   * Appends `body` at `start` (which must be what was received so far) towards a file of `total`
   * bytes. Bytes that arrive before a cut stay in the part file. When the last byte is in, the
   * whole file is hashed: the right content takes its name, anything else is thrown away.
   */
  async put(sha256: string, start: number, total: number, body: Readable): Promise<PutResult> {
    if (this.size(sha256) !== null) {
      body.resume();
      return { kind: 'complete' };
    }
    const received = this.received(sha256);
    if (start !== received) {
      body.resume();
      return { kind: 'offset_mismatch', received };
    }
    mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const part = this.partPath(sha256);
    // A cut connection rejects here; what was written stays for the next attempt to continue.
    // More bytes than the file was announced with are never written (read and dropped, so the request
    // still ends normally), and the piece is refused.
    let room = total - start;
    let overflow = false;
    const bounded = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const kept = chunk.subarray(0, Math.max(0, room));
        room -= chunk.length;
        overflow ||= room < 0;
        done(null, kept);
      },
    });
    await pipeline(body, bounded, createWriteStream(part, { flags: 'a' }));
    if (overflow) {
      rmSync(part, { force: true });
      return { kind: 'corrupt' };
    }
    const now = this.received(sha256);
    if (now < total) return { kind: 'partial', received: now };
    if (now === total && (await hashOf(part)) === sha256) {
      renameSync(part, this.path(sha256));
      return { kind: 'complete' };
    }
    rmSync(part, { force: true });
    return { kind: 'corrupt' };
  }
}

async function hashOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
