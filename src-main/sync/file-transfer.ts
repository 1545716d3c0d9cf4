import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { FILE_PIECE_BYTES, FILE_RECEIVED_HEADER, FilePutReply, type FileCounts } from '../../src-shared/contract/sync-files';
import { contentFilePath, readContentFile, writeContentFile, type ContentPlace } from '../store/content-files';
import type { Database } from '../store/schema';
import { filesToMove, markFilesMoved, type NamedFile } from '../store/sync-files';
import { existsSync } from 'node:fs';
import { SyncFailure, type SyncServer } from './server-client';

/**
 * Content files travel after the rows that name them (those rows must be at head office for it to
 * accept the file, and here for this desk to ask for it). Uploads resume from what head office has
 * received; downloads resume with a Range request and are verified against their SHA-256 before
 * they are put on the shelf — a truncated or corrupt file is never shelved. Files are read and
 * written through the content-file shelf (sealed at rest there), and travel as plaintext over the
 * (TLS) connection to head office.
 */

/** Attempts per file and run: each resumes where the last one was cut. */
const ATTEMPTS = 4;
/** Files looked at per run; the rest wait for the next run. */
const FILES_PER_RUN = 1000;

class Cut extends Error {}

async function send(server: SyncServer, path: string, init: RequestInit): Promise<Response> {
  try {
    const response = await fetch(server.url(path), { ...init, headers: { ...server.headers(), ...init.headers }, signal: AbortSignal.timeout(120_000) });
    server.observe(response);
    return response;
  } catch {
    throw new SyncFailure('offline');
  }
}

/** Head office's answer about a file: complete, or how much of an upload it holds. */
async function probe(server: SyncServer, sha256: string): Promise<{ complete: boolean; received: number }> {
  const response = await send(server, `/sync/files/${sha256}`, { method: 'HEAD' });
  if (response.status === 200) return { complete: true, received: Number(response.headers.get('content-length') ?? 0) };
  if (response.status === 404) return { complete: false, received: Number(response.headers.get(FILE_RECEIVED_HEADER) ?? 0) };
  throw new SyncFailure(response.status === 403 ? 'file_not_allowed' : response.status === 426 ? 'update_required' : 'server_error', response.status);
}

export async function uploadFile(server: SyncServer, sha256: string, bytes: Buffer): Promise<void> {
  let { complete, received } = await probe(server, sha256);
  for (let attempt = 0; !complete; attempt += 1) {
    if (attempt >= ATTEMPTS) throw new SyncFailure('offline');
    const end = Math.min(bytes.length, received + FILE_PIECE_BYTES);
    let response: Response;
    try {
      response = await send(server, `/sync/files/${sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${received}-${end - 1}/${bytes.length}` },
        body: Uint8Array.from(bytes.subarray(received, end)),
      });
    } catch {
      // Cut mid-piece: head office keeps what arrived; ask how much and go on from there.
      ({ complete, received } = await probe(server, sha256));
      continue;
    }
    if (response.status === 422) throw new SyncFailure('file_corrupt', 422);
    if (response.status === 403) throw new SyncFailure('file_not_allowed', 403);
    if (response.status !== 200 && response.status !== 409) throw new SyncFailure('server_error', response.status);
    const reply = FilePutReply.parse(await response.json());
    complete = reply.complete;
    received = reply.received;
    if (response.status === 200) attempt = -1; // a piece that landed is progress, not a failed attempt
  }
}

/** Reads the body into `into`, keeping what arrived before a cut. */
async function readInto(response: Response, into: Buffer[]): Promise<void> {
  if (!response.body) return;
  try {
    for await (const chunk of response.body) into.push(Buffer.from(chunk as Uint8Array));
  } catch {
    throw new Cut();
  }
}

/** The file's verified bytes; resumes a cut transfer with a Range request from the bytes already here. */
export async function downloadFile(server: SyncServer, sha256: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let received = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const response = await send(server, `/sync/files/${sha256}`, { headers: received > 0 ? { range: `bytes=${received}-` } : {} });
    if (response.status === 403 || response.status === 404) throw new SyncFailure('file_not_allowed', response.status);
    if (response.status !== 200 && response.status !== 206) throw new SyncFailure('server_error', response.status);
    // A server that ignores Range sends the whole file again: start over rather than append it.
    if (response.status === 200) pieces.length = 0;
    const total = Number(response.headers.get('content-range')?.split('/')[1] ?? response.headers.get('content-length'));
    try {
      await readInto(response, pieces);
    } catch (error) {
      if (!(error instanceof Cut)) throw error;
    }
    received = pieces.reduce((n, p) => n + p.length, 0);
    if (received < total) continue;
    const bytes = Buffer.concat(pieces);
    if (bytes.length !== total || createHash('sha256').update(bytes).digest('hex') !== sha256) throw new SyncFailure('file_corrupt');
    return bytes;
  }
  throw new SyncFailure('offline');
}

function onShelf(place: ContentPlace, file: NamedFile): boolean {
  return existsSync(contentFilePath(place.path, file.shelf, file.sha256, file.extension));
}

/**
 * Moves the files this desk's rows name and head office or this desk lacks. A file that fails is
 * counted and tried again next run; it does not stop the others. Offline stops the run (it is retried).
 */
export async function syncFiles(db: Kysely<Database>, server: SyncServer, place: ContentPlace, branchId: string, now: () => Date): Promise<FileCounts> {
  const counts: FileCounts = { uploaded: 0, downloaded: 0, failed: 0 };
  for (const file of await filesToMove(db, branchId, FILES_PER_RUN)) {
    try {
      if (onShelf(place, file)) {
        const bytes = readContentFile(place, file.shelf, file.sha256, file.extension);
        // A file of another branch already here (shared content) needs no upload; an unreadable one is left for a person.
        if (!bytes) { counts.failed += 1; continue; }
        if (file.own) await uploadFile(server, file.sha256, bytes);
        counts.uploaded += file.own ? 1 : 0;
      } else {
        const bytes = await downloadFile(server, file.sha256);
        writeContentFile(place, file.shelf, file.sha256, bytes, file.extension);
        counts.downloaded += 1;
      }
      await markFilesMoved(db, [file.sha256], now().toISOString());
    } catch (error) {
      if (error instanceof SyncFailure && (error.code === 'offline' || error.code === 'update_required')) throw error;
      counts.failed += 1;
    }
  }
  return counts;
}
