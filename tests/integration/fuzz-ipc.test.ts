import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src-shared/domain/roles';
import { createIpcTransport } from '../../src-main/api/transports/ipc';
import {
  FIRST_PASSWORD, FUZZ_PASSWORD, METHODS, checkFuzzCall, expectWellFormedRefusal, fingerprint, fuzzCases, fuzzSeed,
  runsPerMethod, setUpFuzzStore, FUZZ_COUNTS, watchUnhandledRejections, type CallerKind, type FuzzStore,
} from './support/fuzz-harness';

/**
 * The fuzzed boundary over IPC: every contract method gets generated invalid inputs from an allowed
 * caller, and any input from callers who must be turned away. Each call must be refused in the one
 * error shape (a code, Arabic and English text) and leave every table exactly as it was.
 */
const TOTAL_RUNS = 12_000;
/** Of which invalid inputs from allowed callers (the rest: refused callers, shaped and foreign calls). */
const MIN_INVALID_INPUTS = 5_500;
const seed = fuzzSeed('fuzz-ipc');
const rejections = watchUnhandledRejections();
let s: FuzzStore;
let ipc: ReturnType<typeof createIpcTransport>;
const senders = new Map<CallerKind, number>();

beforeAll(async () => {
  s = await setUpFuzzStore();
  ipc = createIpcTransport(s.runtime.router);
  senders.set('anonymous', 1);
  let sender = 10;
  for (const role of ROLES) {
    sender += 1;
    senders.set(role, sender);
    expect((await ipc.handle(sender, { method: 'auth.login', input: { username: `fuzz-${role}`, password: FIRST_PASSWORD } })).ok).toBe(true);
    expect((await ipc.handle(sender, { method: 'auth.changePassword', input: { currentPassword: FIRST_PASSWORD, newPassword: FUZZ_PASSWORD } })).ok).toBe(true);
  }
  senders.set('otherBranch', 3);
  expect((await ipc.handle(3, { method: 'auth.login', input: { username: 'fuzz-other', password: FIRST_PASSWORD } })).ok).toBe(true);
  expect((await ipc.handle(3, { method: 'auth.changePassword', input: { currentPassword: FIRST_PASSWORD, newPassword: FUZZ_PASSWORD } })).ok).toBe(true);
  senders.set('mustChange', 2);
  expect((await ipc.handle(2, { method: 'auth.login', input: { username: 'fuzz-new', password: FIRST_PASSWORD } })).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await s.close();
});

describe('fuzzed IPC boundary', () => {
  it.each(METHODS.map((method, index) => [method, index] as const))('%s refuses invalid input and wrong callers, writing nothing', async (method, index) => {
    await fc.assert(
      fc.asyncProperty(fuzzCases(method, (input) => input, s.recordIds), (c) =>
        checkFuzzCall(s, c, () => ipc.handle(senders.get(c.caller) ?? 1, { method, input: c.input })),
      ),
      { seed: seed + index, numRuns: runsPerMethod(TOTAL_RUNS) },
    );
    expect(rejections.take()).toEqual([]);
  });

  it('refuses payloads that are not a call of a contract method', async () => {
    const before = fingerprint(s.runtime.store);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({ method: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'auth.login.', ''), fc.string()), input: fc.jsonValue({ maxDepth: 2 }) }),
        ),
        async (payload) => {
          const result = await ipc.handle(senders.get('admin') ?? 1, payload);
          expectWellFormedRefusal(result, ['BAD_REQUEST', 'UNKNOWN_METHOD']);
        },
      ),
      { seed, numRuns: 300 },
    );
    expect(fingerprint(s.runtime.store)).toEqual(before);
  });

  it('sent the planned number of invalid inputs', () => {
    console.log(`calls by kind: ${JSON.stringify(Object.fromEntries(FUZZ_COUNTS))}`);
    expect(FUZZ_COUNTS.get('refusal:VALIDATION') ?? 0).toBeGreaterThanOrEqual(MIN_INVALID_INPUTS);
  });
});
