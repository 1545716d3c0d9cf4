/**
 * Who is called next: the highest priority weight first, then whoever has waited longest, then the
 * lower ticket number (two tickets issued in the same millisecond still have a fixed order).
 */
export type QueueCandidate = {
  priorityWeight: number;
  /** When the ticket joined the queue it waits in now (UTC ISO); compared as text. */
  queuedAt: string;
  seq: number;
};

export function compareForCall(a: QueueCandidate, b: QueueCandidate): number {
  if (a.priorityWeight !== b.priorityWeight) return b.priorityWeight - a.priorityWeight;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? -1 : 1;
  return a.seq - b.seq;
}

/** The ticket a desk calls next among those it may call, or null when nobody is waiting. */
export function pickNext<T extends QueueCandidate>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const candidate of candidates) if (best === null || compareForCall(candidate, best) < 0) best = candidate;
  return best;
}

/** How many tickets would be called before this one (the «people ahead» on the printed ticket). */
export function countAhead<T extends QueueCandidate>(ticket: QueueCandidate, waiting: readonly T[]): number {
  return waiting.filter((other) => compareForCall(other, ticket) < 0).length;
}
