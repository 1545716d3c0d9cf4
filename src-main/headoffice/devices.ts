import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../store/schema';

/** Enrolment: a one-time code per device, traded once for a long credential; only hashes are stored. */

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud or typed from paper
const CODE_LENGTH = 12;
const CODE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export type Device = { id: string; branchId: string; name: string };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Codes are compared without dashes, spaces or case, as people type them. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export async function createEnrolmentCode(
  db: Kysely<Database>,
  input: { branchId: string; name: string; now: Date },
): Promise<{ deviceId: string; code: string; expiresAt: string }> {
  const raw = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = raw.match(/.{4}/g)?.join('-') ?? raw;
  const deviceId = uuidv7();
  const createdAt = input.now.toISOString();
  const expiresAt = new Date(input.now.getTime() + CODE_LIFETIME_MS).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('sync_devices').values({ id: deviceId, branch_id: input.branchId, name: input.name, created_at: createdAt, credential_hash: null, enrolled_at: null, revoked_at: null, last_push_at: null, last_pull_at: null, last_error: null }).execute();
    await tx.insertInto('sync_enrolment_codes').values({ code_hash: sha256(normaliseCode(code)), device_id: deviceId, created_at: createdAt, expires_at: expiresAt, used_at: null }).execute();
  });
  return { deviceId, code, expiresAt };
}

/** Trades a code for a credential, once. Null: unknown, used, expired or revoked. */
export async function enrolDevice(
  db: Kysely<Database>,
  code: string,
  now: Date,
  expectedBranchId?: string,
): Promise<{ device: Device; credential: string } | null> {
  return db.transaction().execute(async (tx) => {
    const entry = await tx.selectFrom('sync_enrolment_codes').innerJoin('sync_devices', 'sync_devices.id', 'sync_enrolment_codes.device_id')
      .select(['sync_enrolment_codes.code_hash', 'sync_enrolment_codes.expires_at', 'sync_enrolment_codes.used_at', 'sync_devices.id', 'sync_devices.branch_id', 'sync_devices.name', 'sync_devices.revoked_at'])
      .where('sync_enrolment_codes.code_hash', '=', sha256(normaliseCode(code))).executeTakeFirst();
    if (!entry || entry.used_at !== null || entry.revoked_at !== null || entry.expires_at <= now.toISOString()) return null;
    if (expectedBranchId !== undefined && expectedBranchId !== entry.branch_id) return null;
    // The update only counts if the code was still unused: two desks racing with one code get one credential.
    const used = await tx.updateTable('sync_enrolment_codes').set({ used_at: now.toISOString() })
      .where('code_hash', '=', entry.code_hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    const credential = randomBytes(32).toString('base64url');
    await tx.updateTable('sync_devices').set({ credential_hash: sha256(credential), enrolled_at: now.toISOString() }).where('id', '=', entry.id).execute();
    return { device: { id: entry.id, branchId: entry.branch_id, name: entry.name }, credential };
  });
}

export async function authenticateDevice(db: Kysely<Database>, credential: string): Promise<Device | null> {
  const row = await db.selectFrom('sync_devices').select(['id', 'branch_id', 'name', 'revoked_at'])
    .where('credential_hash', '=', sha256(credential)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  return { id: row.id, branchId: row.branch_id, name: row.name };
}

export async function revokeDevice(db: Kysely<Database>, deviceId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('sync_devices').set({ revoked_at: now.toISOString() })
    .where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listDevices(db: Kysely<Database>) {
  const top = await db.selectFrom('sync_changes').select(({ fn }) => fn.max('seq').as('seq')).executeTakeFirst();
  const head = Number(top?.seq ?? 0);
  const rows = await db.selectFrom('sync_devices')
    .select(['id', 'branch_id', 'name', 'enrolled_at', 'revoked_at', 'last_push_at', 'last_pull_at', 'last_error', 'pull_cursor'])
    .orderBy('created_at').execute();
  // Lag: how many changes of the log this device has not acknowledged yet (an upper bound: not every one is in its scope).
  return rows.map((r) => ({ ...r, pull_cursor: Number(r.pull_cursor), lag: head - Number(r.pull_cursor) }));
}
