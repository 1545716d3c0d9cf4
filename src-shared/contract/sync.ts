import { z } from 'zod';
import { defineMethod } from './define';
import { Empty, Id, requiredText } from './common';

/*
 * Head-office sync: the wire format between a desk and the head-office server (checked on both
 * ends), and the desk's own API methods (status, enrolment, sync now).
 */

/** Batches are bounded by count and by bytes: large payloads are what break other apps' sync. */
export const SYNC_LIMITS = { pushChanges: 2000, pushBytes: 2 * 1024 * 1024, bodyBytes: 6 * 1024 * 1024, pullChanges: 5000, pullBytes: 4 * 1024 * 1024 } as const;

const HlcStamp = z.string().regex(/^\d{15}-[0-9a-z]{5}-.{1,64}$/);
const FieldValue = z.union([z.string(), z.number(), z.null()]);

export const WireChange = z.object({
  id: Id,
  table_name: z.string().min(1).max(64),
  row_id: Id,
  op: z.enum(['insert', 'update', 'delete']),
  fields: z.record(z.string().max(64), FieldValue),
  hlc: HlcStamp,
  branch_id: Id,
});
export type WireChange = z.infer<typeof WireChange>;

export const PushRequest = z.object({
  batchId: Id,
  changes: z.array(WireChange).min(1).max(SYNC_LIMITS.pushChanges),
  /** The desk's pull cursor: what of head office's log it had applied when it made these changes (tells concurrent edits from later ones). */
  seen: z.number().int().min(0).optional(),
  /** The mark of that cursor (PullReply.mark): head office answers log_rewound when its log no longer holds it. */
  seenMark: z.string().min(1).max(64).optional(),
});
export const PushReply = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ id: Id, reason: z.string() })),
  /** True when this batch id was already received: nothing was applied again. */
  replayed: z.boolean(),
});
export type PushReply = z.infer<typeof PushReply>;

export const PullReply = z.object({
  changes: z.array(WireChange.extend({ seq: z.number().int() })),
  nextCursor: z.number().int(),
  more: z.boolean(),
  /** The id of head office's last log entry at or before nextCursor: the desk sends it back with that cursor. */
  mark: z.string().max(64).nullable().optional(),
});
export type PullReply = z.infer<typeof PullReply>;

/** The association's name as set up on a desk: it travels by enrolment (settings never travel as rows). */
export const AssociationName = z.object({ nameAr: z.string().trim().min(1).max(200), nameEn: z.string().trim().min(1).max(200).nullable() });
export type AssociationName = z.infer<typeof AssociationName>;

/**
 * `branchId`: the desk's own branch; a code for another branch is refused without being used up.
 * `association`: the name a set-up desk knows; head office keeps the first it is told.
 */
export const EnrolRequest = z.object({ code: z.string().min(4).max(40), branchId: Id.optional(), association: AssociationName.optional() });
/** `association`: the name head office knows (null: none yet), which a desk joining its branch takes. */
export const EnrolReply = z.object({ deviceId: Id, credential: z.string().min(20), branchId: Id, schemaVersion: z.number().int(), association: AssociationName.nullable().optional() });

/**
 * The header each push and pull carries. Head office refuses a desk below its minimum supported
 * schema (update_required: the desk must update) or above its own (server_outdated: head office
 * must update first); the desk writes nothing either way.
 */
export const SCHEMA_HEADER = 'x-mamen-schema';
/** On a schema refusal: head office's own schema version and the oldest desk schema it accepts. */
export const SchemaRefusal = z.object({ error: z.enum(['update_required', 'server_outdated']), serverSchemaVersion: z.number().int(), minDeskSchemaVersion: z.number().int() });

/** A desk whose clock differs from head office's by more than this is warned (HLC tolerates it; people should not). */
export const CLOCK_DRIFT_WARN_MS = 5 * 60_000;

/** Refusal codes the server sends (`{ error: code }`); the desk shows them in Arabic. */
export const SYNC_ERRORS = [
  'unauthenticated', 'schema_mismatch', 'branch_not_allowed', 'invalid_batch', 'payload_too_large', 'enrolment_refused',
  'offline', 'server_error', 'update_required', 'server_outdated', 'file_corrupt', 'file_not_allowed',
  // Head office's log is behind what this desk had read or sent: it was restored from a backup.
  'log_rewound',
] as const;
export type SyncErrorCode = (typeof SYNC_ERRORS)[number];

/** `resyncing`: a backup was restored on this enrolled desk and it is fetching back from head office what it had sent since. */
export const SYNC_STATES = ['not_configured', 'synced', 'pending', 'offline', 'error', 'resyncing'] as const;

export const SyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  pendingChanges: z.number().int(),
  parkedChanges: z.number().int(),
  serverUrl: z.string().nullable(),
  branchId: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  offlineSince: z.string().nullable(),
  error: z.enum(SYNC_ERRORS).nullable(),
  lastRun: z.object({ finishedAt: z.string(), pushed: z.number().int(), pulled: z.number().int(), rejected: z.number().int(), error: z.string().nullable() }).nullable(),
  /** Head office's clock minus this desk's, as last seen (null: not seen yet); beyond CLOCK_DRIFT_WARN_MS it is shown. */
  clockOffsetMs: z.number().int().nullable(),
  /** When the restore that started the re-sync from head office happened (null: not re-syncing). */
  resyncingSince: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A change head office refused (or that could not apply here), set aside with its reason for a person to see. */
export const ParkedChange = z.object({
  changeId: z.string(),
  direction: z.enum(['push', 'pull']),
  table: z.string(),
  rowId: z.string(),
  reason: z.string(),
  at: z.string(),
});

export const syncMethods = {
  'sync.status': defineMethod({ input: Empty, output: SyncStatus, access: 'session', writes: false }),
  /** Trades a one-time code from head office for this desk's credential. */
  'sync.enrol': defineMethod({
    input: z.object({
      serverUrl: z.url({ protocol: /^https?$/, error: 'validation.invalidFormat' }),
      code: requiredText(40),
    }),
    output: SyncStatus,
    access: ['admin'],
    // The network call must not hold the store's write lock: the service writes in its own transaction.
    writes: false,
  }),
  'sync.now': defineMethod({ input: Empty, output: SyncStatus, access: 'session', writes: false }),
  'sync.parked': defineMethod({ input: Empty, output: z.object({ changes: z.array(ParkedChange) }), access: ['admin', 'manager'], writes: false }),
};
