/**
 * Hybrid logical clock stamps for rows that travel between installs. A stamp is wall-clock time plus
 * a counter, so it stays close to real time yet never goes backwards when a branch PC's clock is
 * wrong or is corrected, and every event that saw another is stamped after it. Stamps are stored as
 * fixed-width text so that SQLite's plain text ordering is the causal order.
 */

export type Hlc = { wallMs: number; counter: number; node: string };

const WALL_DIGITS = 15; // milliseconds up to the year 33658
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1; // 60 466 175 events within one millisecond
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;

export function hlcToString(h: Hlc): string {
  if (!Number.isSafeInteger(h.wallMs) || h.wallMs < 0 || h.wallMs > MAX_WALL_MS) {
    throw new RangeError(`HLC wall time out of range: ${h.wallMs}`);
  }
  if (!Number.isSafeInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${h.counter}`);
  }
  if (h.node === '') throw new RangeError('HLC node id is empty');
  const wall = String(h.wallMs).padStart(WALL_DIGITS, '0');
  const counter = h.counter.toString(36).padStart(COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${h.node}`;
}

const STAMP = /^(\d{15})-([0-9a-z]{5})-(.+)$/;

/** The node id may itself contain "-" (a UUID); only the first two fields are fixed-width. */
export function parseHlc(s: string): Hlc {
  const match = STAMP.exec(s);
  if (!match) throw new SyntaxError(`Not an HLC stamp: "${s}"`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2] ?? '', 36), node: match[3] ?? '' };
}

/** When the counter would overflow its five digits, borrow the next millisecond instead. */
function settle(wallMs: number, counter: number, node: string): Hlc {
  return counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, node } : { wallMs, counter, node };
}

/** Stamp for a local event: real time if it moved forward, otherwise the last stamp plus one. */
export function hlcTick(last: Hlc | null, nowMs: number, node: string): Hlc {
  const now = Math.floor(nowMs);
  if (last === null || now > last.wallMs) return { wallMs: now, counter: 0, node };
  return settle(last.wallMs, last.counter + 1, node);
}

/** Stamp for receiving a remote stamp: after both our last stamp and the remote one. */
export function hlcReceive(last: Hlc, remote: Hlc, nowMs: number, node: string): Hlc {
  const now = Math.floor(nowMs);
  const wallMs = Math.max(last.wallMs, remote.wallMs, now);
  if (wallMs === now && now > last.wallMs && now > remote.wallMs) return { wallMs, counter: 0, node };
  let counter: number;
  if (last.wallMs === remote.wallMs) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wallMs === last.wallMs) counter = last.counter + 1;
  else counter = remote.counter + 1;
  return settle(wallMs, counter, node);
}

/** Text comparison is the causal order because both fixed-width fields come first. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
