import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a folder's entries (a rename inside it) to disk; a no-op where folders cannot be opened (Windows). */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is then as durable as they make it.
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a whole file or nothing: a temp file beside it (created with `mode`, never looser), fsync,
 * rename over the target, fsync of the folder. A crash leaves the old file or the new one.
 */
export function writeFileAtomically(target: string, bytes: Uint8Array | string, mode = 0o600): void {
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, target);
  syncFolder(dirname(target));
}
