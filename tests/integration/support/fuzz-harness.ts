import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { contract, type MethodName } from '../../../src-shared/contract';
import { ERROR_CODES, type ApiError, type ApiResult, type ErrorCode } from '../../../src-shared/contract/errors';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { methodScope } from '../../../src-shared/contract/branch-scope';
import type { Store } from '../../../src-main/store/db';
import { isInvalidFor, mutatedInput, shapedInput } from './fuzz-inputs';
import { beneficiaryInput, nextNationalId, setUpStore, type TestStore } from './test-runtime';

/**
 * What the fuzzed-boundary tests share: a store with one user per role (and one who still has to
 * change an admin-set password), the callers each transport builds for them, the fingerprint of
 * every table, and what a refusal must look like.
 */

export const FUZZ_PASSWORD = 'second-password-2';
export const FIRST_PASSWORD = 'first-password-1';
/** Methods a user who must change their password can still call (router.ts). */
const BEFORE_PASSWORD_CHANGE = new Set<string>(['auth.me', 'auth.logout', 'auth.changePassword', 'setup.status', 'system.status']);

/** The run's seed: FUZZ_SEED replays a failure; printed so any run can be replayed. */
export function fuzzSeed(label: string): number {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  console.log(`[${label}] fast-check seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return seed;
}

export type CallerKind = Role | 'anonymous' | 'mustChange' | 'otherBranch';

export type FuzzStore = TestStore & {
  /** Ids of real records (branch, beneficiary, interview, request, ticket): shaped inputs use them. */
  recordIds: string[];
  /** Head office's branch, which owns every record above. */
  homeBranchId: string;
  /** What identifies the beneficiary: no answer to a user of another branch may contain it. */
  secrets: string[];
};

/**
 * A store with `fuzz-<role>` users (password changed), `fuzz-new` (an admin that must change it),
 * and one beneficiary with an interview, its support request and a queue ticket, so that shaped
 * calls can name records that exist and reach the services' own refusals.
 */
export async function setUpFuzzStore(): Promise<FuzzStore> {
  const s = await setUpStore();
  const branchId = (await s.admin.call('branches.list', {})).branches[0]?.id;
  if (!branchId) throw new Error('The test store has no branch');
  for (const role of ROLES) {
    await s.admin.call('users.create', { username: `fuzz-${role}`, displayName: `fuzz ${role}`, role, branchId, branchScope: 'own', password: FIRST_PASSWORD });
  }
  await s.admin.call('users.create', { username: 'fuzz-new', displayName: 'fuzz new', role: 'admin', branchId, branchScope: 'all', password: FIRST_PASSWORD });
  const other = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'مكتب صبيا', city: 'صبيا' });
  await s.admin.call('users.create', { username: 'fuzz-other', displayName: 'fuzz other', role: 'manager', branchId: other.id, branchScope: 'own', password: FIRST_PASSWORD });
  const nationalId = nextNationalId();
  const person = beneficiaryInput({ firstName: 'زبيدة', familyName: 'القرشي', phonePrimary: '0557654321', nationalId });
  const beneficiary = await s.admin.call('beneficiaries.register', { beneficiary: person, household: [] });
  const interview = await s.admin.call('interviews.start', { beneficiaryId: beneficiary.id });
  await s.admin.call('interviews.recordInquiry', { id: interview.id, questions: 'دعم الإيجار', answers: 'يُدرس الطلب' });
  const withCase = await s.admin.call('interviews.saveCaseData', {
    id: interview.id,
    caseData: { requestTypeCode: 'rent', summary: 'متأخرات إيجار', prisonerName: 'يحيى علي الحكمي', prisonerRelation: 'husband', prisonName: 'سجن جازان العام', caseStatus: 'sentenced', expectedReleaseDate: '2027-01-01', monthlyIncome: 900, incomeSources: ['social_security'], housingType: 'rented', monthlyRent: 1400, householdSize: 4 },
  });
  const ticket = await s.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: beneficiary.id });
  const recordIds = [branchId, beneficiary.id, interview.id, ticket.id, ...(withCase.request ? [withCase.request.id] : [])];
  return { ...s, recordIds, homeBranchId: branchId, secrets: [nationalId, '557654321', 'زبيدة', 'القرشي'] };
}

/** Columns that change without a write of the call being tested (a session's sliding idle stamp). */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = { sessions: ['last_seen_at'] };

export type Fingerprint = { changeLog: number; audit: number; tables: string };

/** Row counts of the change log and audit log, and a hash of every row of every table. */
export function fingerprint(store: Store): Fingerprint {
  const db = store.sqlite;
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const hash = createHash('sha256');
  for (const name of names) {
    hash.update(`\u0000${name}\u0000`);
    const skip = VOLATILE_COLUMNS[name] ?? [];
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (skip.includes(column)) continue;
        hash.update(`${column}=${Buffer.isBuffer(value) ? value.toString('hex') : String(value)};`);
      }
    }
  }
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return { changeLog: count('change_log'), audit: count('audit_log'), tables: hash.digest('hex') };
}

/**
 * The store's fingerprint, recomputed only when SQLite reports a row change on the connection since
 * the last one (`total_changes()` also counts changes rolled back, so it can only over-report).
 */
const cached = new WeakMap<Store, { changes: number; fingerprint: Fingerprint }>();
export function currentFingerprint(store: Store): Fingerprint {
  const changes = (store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const hit = cached.get(store);
  if (hit && hit.changes === changes) return hit.fingerprint;
  const value = fingerprint(store);
  cached.set(store, { changes, fingerprint: value });
  return value;
}

const ARABIC = /[\u0600-\u06FF]/;
const UNTRANSLATED = /\b(validation|error)\.[a-zA-Z]/;

/** A refusal in the one error shape: a known code, a message key, Arabic and English text (fields too). */
export function expectWellFormedRefusal(result: ApiResult<unknown>, expected: readonly ErrorCode[]): ApiError {
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
  const error = (result as { ok: false; error: ApiError }).error;
  expect(ERROR_CODES).toContain(error.code);
  expect(expected, `${error.code} ${error.message?.en}`).toContain(error.code);
  expect(typeof error.messageKey).toBe('string');
  const texts = [error.message, ...Object.values(error.fields ?? {}).map((f) => f.message)];
  for (const text of texts) {
    expect(text.ar, JSON.stringify(error).slice(0, 300)).toMatch(ARABIC);
    expect(text.en.trim().length).toBeGreaterThan(0);
    expect(text.ar).not.toMatch(UNTRANSLATED);
    expect(text.en).not.toMatch(UNTRANSLATED);
    // Every field is named in words, the input as a whole too (never by its path "_").
    expect(text.ar).not.toContain('«_»');
    expect(text.en).not.toContain('“_”');
  }
  return error;
}

/** Nothing leaked onto Object.prototype by a `__proto__` or `constructor` key. */
export function expectNoPrototypePollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/**
 * `refusal`: the call must be refused with one of `expected` and write nothing. `shaped`: an input
 * shaped like the schema from an allowed caller; it may succeed, but a refusal must still have a
 * known code (never INTERNAL) and write nothing.
 */
export type FuzzCase =
  | { caller: CallerKind; input: unknown; kind: 'refusal'; expected: ErrorCode[] }
  | { caller: CallerKind; input: unknown; kind: 'shaped' }
  | { caller: CallerKind; input: unknown; kind: 'foreign' };

/**
 * Left out of the `shaped` arm only (their invalid inputs are still fuzzed): a valid call would sign a
 * fuzz caller in as someone else, out, or lock them (every `auth.` method), replace the store,
 * long-poll for 25 s, or dial a generated URL.
 */
const NOT_CALLED_WITH_SHAPED_INPUT = new Set<string>([
  'users.update', 'users.resetPassword', 'queue.waitForBoardChange', 'sync.enrol', 'backups.restore', 'recovery.restore',
]);
const calledWithShapedInput = (method: string) => !method.startsWith('auth.') && !NOT_CALLED_WITH_SHAPED_INPUT.has(method);

function allowedRoles(method: MethodName): readonly Role[] {
  const access = contract[method].access;
  return access === 'public' || access === 'session' ? ROLES : access;
}

function refusal(caller: fc.Arbitrary<CallerKind>, input: fc.Arbitrary<unknown>, expected: ErrorCode): fc.Arbitrary<FuzzCase> {
  return fc.record({ caller, input }).map((c) => ({ ...c, kind: 'refusal' as const, expected: [expected] }));
}

/**
 * The calls one method is fuzzed with: an allowed caller sending an input its schema refuses
 * (`wire` says how the transport carries it, e.g. JSON for HTTP), callers who must be turned away
 * whatever they send (anonymous, a wrong role, a user who must first change their password), and
 * schema-shaped inputs from an allowed caller (unknown ids, wrong states: refusals past validation).
 */
export function fuzzCases(method: MethodName, wire: (input: unknown) => unknown, recordIds: readonly string[] = []): fc.Arbitrary<FuzzCase> {
  const definition = contract[method];
  const schema = definition.input;
  const allowed = allowedRoles(method);
  const isPublic = definition.access === 'public';
  const allowedCaller = fc.constantFrom<CallerKind>(...allowed, ...(isPublic ? (['anonymous'] as const) : []));
  const invalid = mutatedInput(schema, recordIds).map(wire).filter((input) => isInvalidFor(schema, input));
  const anything = fc.oneof(mutatedInput(schema, recordIds), shapedInput(schema, recordIds)).map(wire);

  const arms: fc.WeightedArbitrary<FuzzCase>[] = [{ arbitrary: refusal(allowedCaller, invalid, 'VALIDATION'), weight: 6 }];
  if (!isPublic) arms.push({ arbitrary: refusal(fc.constant('anonymous'), anything, 'UNAUTHENTICATED'), weight: 1 });
  const refusedRoles = ROLES.filter((role) => !allowed.includes(role));
  if (refusedRoles.length > 0) arms.push({ arbitrary: refusal(fc.constantFrom<CallerKind>(...refusedRoles), anything, 'FORBIDDEN'), weight: 1 });
  if (!isPublic && !BEFORE_PASSWORD_CHANGE.has(method)) arms.push({ arbitrary: refusal(fc.constant('mustChange'), anything, 'FORBIDDEN'), weight: 1 });
  if (calledWithShapedInput(method)) {
    arms.push({ arbitrary: fc.record({ caller: allowedCaller, input: shapedInput(schema, recordIds).map(wire) }).map((c) => ({ ...c, kind: 'shaped' as const })), weight: 2 });
    // A manager of another branch naming head office's records: refused, or answered without them.
    if (methodScope(method) === 'branch' && allowed.includes('manager')) {
      arms.push({ arbitrary: shapedInput(schema, recordIds).map(wire).map((input) => ({ caller: 'otherBranch' as const, input, kind: 'foreign' as const })), weight: 2 });
    }
  }
  return fc.oneof(...arms);
}

/** How many calls of each kind this file sent (`refusal:VALIDATION` are the invalid inputs). */
export const FUZZ_COUNTS = new Map<string, number>();

/** A hash of the rows a branch owns (every table with a branch_id), the logs aside. */
function branchRows(store: Store, branchId: string): string {
  const db = store.sqlite;
  const hash = createHash('sha256');
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log', 'change_log', 'sessions') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const name of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('branch_id')) continue;
    for (const row of db.prepare(`SELECT * FROM "${name}" WHERE branch_id = ?`).iterate(branchId) as Iterable<Record<string, unknown>>) hash.update(`${name}:${JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))};`);
  }
  return hash.digest('hex');
}

/** Refusals that keep what the use case wrote on purpose (a failed sign-in is counted and audited). */
const COMMITTING_REFUSALS = new Set<ErrorCode>(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);

/**
 * The checks every fuzzed call passes, whatever the transport: refusals well formed and writing
 * nothing, nothing on Object.prototype.
 */
export async function checkFuzzCall(s: FuzzStore, c: FuzzCase, call: () => Promise<ApiResult<unknown>>): Promise<void> {
  const label = c.kind === 'refusal' ? `${c.kind}:${c.expected.join('|')}` : c.kind;
  FUZZ_COUNTS.set(label, (FUZZ_COUNTS.get(label) ?? 0) + 1);
  const store = s.runtime.store;
  const before = currentFingerprint(store);
  const homeBefore = c.kind === 'foreign' ? branchRows(store, s.homeBranchId) : '';
  const result = await call();
  expectNoPrototypePollution();
  if (c.kind === 'foreign' && result.ok) {
    const answer = JSON.stringify(result.value);
    for (const secret of s.secrets) expect(answer, 'another branch read head office\'s beneficiary').not.toContain(secret);
    expect(branchRows(store, s.homeBranchId), "another branch changed head office's records").toBe(homeBefore);
    return;
  }
  if (c.kind === 'shaped' && result.ok) return;
  const expected = c.kind === 'refusal' ? c.expected : ERROR_CODES.filter((code) => code !== 'INTERNAL');
  const error = expectWellFormedRefusal(result, expected);
  if (!COMMITTING_REFUSALS.has(error.code)) expect(currentFingerprint(store)).toEqual(before);
}

/** Every method of the contract, so a new one is fuzzed without anyone listing it. */
export const METHODS = Object.keys(contract) as MethodName[];

/** Runs per method so that all methods together get at least `total` runs. */
export function runsPerMethod(total: number): number {
  return Math.ceil(total / METHODS.length);
}

/** Unhandled rejections during a run fail it: a refused call must not leave a promise behind. */
export function watchUnhandledRejections(): { take(): unknown[] } {
  const seen: unknown[] = [];
  process.on('unhandledRejection', (reason) => seen.push(reason));
  return { take: () => seen.splice(0) };
}
