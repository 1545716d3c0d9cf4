import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/contract';
import type { ApiResult } from '../../../src-shared/contract/errors';
import { withCheckDigit } from '../../../src-shared/domain/national-id';
import { createLogger } from '../../../src-main/api/logger';
import { openRuntime, type Runtime } from '../../../src-main/api/runtime';
import type { TransportContext } from '../../../src-main/api/router';

export const ADMIN_PASSWORD = 'correct horse battery';

/** Every test store is encrypted, as every desk's is: this key opens them all (tests that need another make their own). */
export const TEST_STORE_KEY = Buffer.from('6d616d656e2d746573742d73746f72652d6b65792d33322d62797465732d2121', 'hex');

export function tempDir(prefix = 'mamen-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function silentLogger() {
  return createLogger({ level: 'silent' });
}

/** A caller holding its own session, as one browser tab or one Electron window would. */
export class Caller {
  token: string | null = null;
  constructor(private readonly runtime: Runtime) {}

  private context(): TransportContext {
    return { transport: 'cli', sessionToken: this.token, setSessionToken: (t) => (this.token = t) };
  }

  raw(method: string, input: unknown): Promise<ApiResult<unknown>> {
    return this.runtime.router.call(method, input, this.context());
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.raw(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en} ${JSON.stringify(result.error.fields ?? {})}`);
    return result.value as MethodOutput<M>;
  }
}

export type TestStore = { runtime: Runtime; admin: Caller; dir: string; close(): Promise<void> };

/** A fresh store in a temp folder, set up with an association, a head-office branch and an admin. */
export async function setUpStore(): Promise<TestStore> {
  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'mamen.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  const admin = new Caller(runtime);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'admin', displayName: 'مدير النظام', password: ADMIN_PASSWORD },
  });
  return {
    runtime,
    admin,
    dir: temp.dir,
    close: async () => {
      await runtime.close();
      temp.remove();
    },
  };
}

/** A signed-in user of the given role and branch (created by the admin, password already changed). */
export async function userOf(
  store: TestStore,
  role: 'reception' | 'researcher' | 'committee' | 'manager' | 'admin',
  branchId: string,
  username: string,
  branchScope: 'own' | 'all' = 'own',
): Promise<Caller> {
  const created = await store.admin.call('users.create', { username, displayName: username, role, branchId, branchScope, password: 'first-password-1' });
  const caller = new Caller(store.runtime);
  await caller.call('auth.login', { username, password: 'first-password-1' });
  await caller.call('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'second-password-2' });
  void created;
  return caller;
}

let serial = 100_000_000;
/** A fresh valid citizen ID for each call. */
export function nextNationalId(): string {
  serial += 7;
  return withCheckDigit(String(serial).padStart(9, '1').slice(0, 9));
}

export function beneficiaryInput(overrides: Partial<MethodInput<'beneficiaries.register'>['beneficiary']> = {}) {
  return {
    firstName: 'أحمد',
    fatherName: 'عبدالله',
    grandfatherName: 'محمد',
    familyName: 'الحربي',
    idType: 'national_id' as const,
    nationalId: nextNationalId(),
    nationality: 'SA',
    gender: 'male' as const,
    birthDate: '1985-04-12',
    phonePrimary: '0551234567',
    ...overrides,
  };
}

/** A settable clock for a store: the router reads `now()` on every call, so tests move time between calls. */
export type TestClock = { now(): Date; set(at: Date): void; advanceDays(days: number): void };

/** Like `setUpStore`, with the router's clock in the test's hands (starting at `start`). */
export async function setUpStoreAt(start: Date): Promise<TestStore & { clock: TestClock }> {
  let current = new Date(start.getTime());
  const clock: TestClock = {
    now: () => new Date(current.getTime()),
    set: (at) => (current = new Date(at.getTime())),
    advanceDays: (days) => (current = new Date(current.getTime() + days * 86_400_000)),
  };
  const temp = tempDir();
  const runtime = await openRuntime({ storePath: join(temp.dir, 'mamen.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger(), now: clock.now });
  const admin = new Caller(runtime);
  await admin.call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'admin', displayName: 'مدير النظام', password: ADMIN_PASSWORD },
  });
  return {
    runtime,
    admin,
    dir: temp.dir,
    clock,
    close: async () => {
      await runtime.close();
      temp.remove();
    },
  };
}
