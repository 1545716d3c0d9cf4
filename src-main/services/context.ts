import type { Kysely, Transaction } from 'kysely';
import type { BranchScope, Role } from '../../src-shared/domain/roles';
import type { Database } from '../store/schema';
import type { WriteStamp } from '../store/row-writer';

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: string;
  branchName: string;
  branchScope: BranchScope;
  mustChangePassword: boolean;
  sessionId: string;
  /** The session is locked (idle or "lock now"): the router lets only unlock and sign-out through. */
  locked: boolean;
};

/** What the audit row of this call should point at; set by the service, written by the router. */
export type AuditSubject = { entity: string; entityId: string | null; detail?: Record<string, unknown> };

export type ServiceContext = {
  /** The transaction of this call (writes) or the store (reads). */
  db: Kysely<Database> | Transaction<Database>;
  actor: Actor | null;
  now: Date;
  /** Timestamps and HLC for one write; every row written in the call shares them. */
  stamp(): WriteStamp;
  /** Moves this install's clock past a stamp that came from head office (see HlcClock.observe). */
  observeHlc(remote: string): void;
  /** Names the record this call touched, for its audit entry. */
  describe(subject: AuditSubject): void;
  /** Extra audit entries (e.g. a failed sign-in), in the same transaction. */
  auditExtra(action: string, subject: AuditSubject): Promise<void>;
  /** Binds or clears the user session on the calling transport (cookie or IPC sender). */
  setSessionToken(token: string | null): void;
  transport: 'ipc' | 'http' | 'cli' | 'job';
  /** `key` seals the files kept beside the store (content-files.ts); null for a plain store. */
  store: { path: string; schemaVersion: number; key: Buffer | null };
  appVersion: string;
};

/** The acting user, or a refusal when the method was reached without one (a router bug). */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new Error('This service needs a signed-in user; the router should have refused the call.');
  return ctx.actor;
}

/** The branch a user may see, or null when the user's scope is every branch. */
export function scopedBranch(actor: Actor): string | null {
  return actor.branchScope === 'all' ? null : actor.branchId;
}
