import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type RotatingLogFileOptions = {
  path: string;
  /** A file that would grow past this many bytes is rotated first. */
  maxBytes: number;
  /** Rotated files kept beside the live one: `<path>.1` (newest) … `<path>.<keep>`. */
  keep: number;
};

/**
 * A pino destination that writes whole lines to one file and rotates it by size: the live file
 * becomes `.1`, `.1` becomes `.2`, and the oldest beyond `keep` is deleted. Writes are synchronous:
 * the desk logs a few lines an hour, and a line written before a crash is a line kept. Files are
 * readable by the user only.
 */
export class RotatingLogFile {
  private fd: number;
  private size: number;

  constructor(private readonly options: RotatingLogFileOptions) {
    if (options.maxBytes < 1 || options.keep < 0) throw new Error('A rotating log needs maxBytes ≥ 1 and keep ≥ 0');
    mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
    this.fd = openSync(options.path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
    return true;
  }

  /** pino calls this on `logger.flush()`; every write is already on disk. */
  flush(done: (error?: Error) => void): void {
    done();
  }

  end(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    const { path, keep } = this.options;
    if (keep === 0) rmSync(path, { force: true });
    else {
      rmSync(`${path}.${keep}`, { force: true });
      for (let n = keep - 1; n >= 1; n--) if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
      renameSync(path, `${path}.1`);
    }
    this.fd = openSync(path, 'a', 0o600);
    this.size = 0;
  }
}
