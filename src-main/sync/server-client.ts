import { z } from 'zod';
import { EnrolReply, PullReply, PushReply, SCHEMA_HEADER, SYNC_ERRORS, type AssociationName, type SyncErrorCode, type WireChange } from '../../src-shared/contract/sync';

/** A refusal or failure of the head-office server, by code (offline: it could not be reached). */
export class SyncFailure extends Error {
  constructor(readonly code: SyncErrorCode, readonly status: number | null = null) {
    super(`sync failed: ${code}`);
    this.name = 'SyncFailure';
  }
}

const ErrorBody = z.object({ error: z.enum(SYNC_ERRORS) });
const TIMEOUT_MS = 30_000;

/**
 * A kept-alive connection head office closed while idle (it restarted): the request never reached
 * it, and is sent once more on a new connection. Every sync call may be sent twice (a batch is
 * recognised by its id, a change by its own).
 */
function closedWhileIdle(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

async function send(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      if (attempt === 0 && closedWhileIdle(error)) continue;
      // Refused, reset, DNS, timeout: all mean "no head office right now", and are retried with backoff.
      throw new SyncFailure('offline');
    }
  }
}

async function request<T>(url: string, init: RequestInit, schema: z.ZodType<T>, observe?: (response: Response) => void): Promise<T> {
  const response = await send(url, init);
  observe?.(response);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    throw new SyncFailure(parsed.success ? parsed.data.error : response.status === 413 ? 'payload_too_large' : 'server_error', response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncFailure('server_error', response.status);
  return parsed.data;
}

function base(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '');
}

export function enrolWithServer(serverUrl: string, code: string, branchId?: string, association?: AssociationName) {
  return request(`${base(serverUrl)}/sync/enrol`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, branchId, association }),
  }, EnrolReply);
}

/** The calls of an enrolled desk, carrying its credential and schema version. */
export class SyncServer {
  /** Head office's clock minus this desk's, from the Date header of its last answer (1 s resolution). */
  clockOffsetMs: number | null = null;

  /**
   * `pullOwnChanges`: pulls include this device's own changes, which head office otherwise leaves out
   * (a desk re-syncing after a restore fetches back what it sent after the backup; sync-rebuild.ts).
   */
  constructor(readonly serverUrl: string, private readonly credential: string, private readonly schemaVersion: number, readonly pullOwnChanges = false) {}

  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.credential}`, [SCHEMA_HEADER]: String(this.schemaVersion) };
  }

  /** Notes the server's clock from an answer (every answer of the file calls too). */
  readonly observe = (response: Response): void => {
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isFinite(date)) this.clockOffsetMs = Math.round(date - Date.now());
  };

  url(path: string): string {
    return `${base(this.serverUrl)}${path}`;
  }

  push(batchId: string, changes: WireChange[], seen?: number, seenMark?: string | null) {
    return request(`${base(this.serverUrl)}/sync/push`, {
      method: 'POST', headers: { ...this.headers(), 'content-type': 'application/json' }, body: JSON.stringify({ batchId, changes, seen, seenMark: seenMark ?? undefined }),
    }, PushReply, this.observe);
  }

  /**
   * One page of head office's log after `after`. `check`: the mark that came with `after`, and the
   * newest change of this desk head office accepted; head office answers log_rewound when its log
   * no longer holds them (it was restored from a backup).
   */
  pull(after: number, limit: number, check: { mark?: string | null; sent?: string | null } = {}) {
    const params = new URLSearchParams({ after: String(after), limit: String(limit) });
    if (this.pullOwnChanges) params.set('own', '1');
    if (check.mark) params.set('mark', check.mark);
    if (check.sent) params.set('sent', check.sent);
    return request(`${base(this.serverUrl)}/sync/pull?${params.toString()}`, { headers: this.headers() }, PullReply, this.observe);
  }
}
