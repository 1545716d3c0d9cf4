import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src-shared/contract/errors';
import { ROLES } from '../../src-shared/domain/roles';
import { createHttpHost, hostPort } from '../../src-main/api/transports/http';
import { httpStatus } from '../../src-main/api/transports/http-security';
import {
  FIRST_PASSWORD, FUZZ_PASSWORD, METHODS, checkFuzzCall, expectWellFormedRefusal, fingerprint, fuzzSeed, fuzzCases,
  runsPerMethod, setUpFuzzStore, FUZZ_COUNTS, watchUnhandledRejections, type CallerKind, type FuzzStore,
} from './support/fuzz-harness';
import { silentLogger } from './support/test-runtime';
import { cookiesOf, rawRequest, type RawReply } from './support/raw-http';

/**
 * The fuzzed boundary over the loopback HTTP host: the same generated calls as over IPC, carried as
 * JSON, plus broken requests (no launch cookie, foreign Origin or Host, wrong content type, bodies
 * that are not JSON). Every answer is a 4xx whose status matches its error code, in the one error
 * shape with Arabic text, and nothing is written.
 */
const TOTAL_RUNS = 10_000;
/** Of which invalid inputs from allowed callers (the rest: refused callers, shaped and foreign calls). */
const MIN_INVALID_INPUTS = 4_500;
const TOKEN = 'fuzz-launch-token-0123456789abcdef';
const seed = fuzzSeed('fuzz-http');
const rejections = watchUnhandledRejections();
let s: FuzzStore;
let app: FastifyInstance;
let port: number;
let launch: string;
const cookies = new Map<CallerKind, string>();

type Reply = RawReply;

const send = (options: Parameters<typeof rawRequest>[1]): Promise<Reply> => rawRequest(port, options);


function post(method: string, body: string | undefined, headers: Record<string, string>): Promise<Reply> {
  return send({ method: 'POST', path: `/api/${encodeURIComponent(method)}`, ...(body === undefined ? {} : { body }), headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...headers } });
}

/** The answer as the renderer reads it; a status that disagrees with the error code fails here. */
function resultOf(reply: Reply): ApiResult<unknown> {
  expect(reply.status, reply.body.slice(0, 300)).toBeLessThan(500);
  const result = JSON.parse(reply.body) as ApiResult<unknown>;
  expect(reply.status).toBe(result.ok ? 200 : httpStatus(result.error.code));
  return result;
}

/** What JSON carries of a generated value: NaN and Infinity become null, undefined fields vanish. */
function overJson(input: unknown): unknown {
  return input === undefined ? undefined : JSON.parse(JSON.stringify(input));
}

async function signIn(username: string, password: string): Promise<string> {
  const reply = await post('auth.login', JSON.stringify({ username, password }), { cookie: launch });
  expect(reply.status).toBe(200);
  return `${launch}; ${cookiesOf(reply)}`;
}

beforeAll(async () => {
  s = await setUpFuzzStore();
  const rendererDir = join(s.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>mamen</title>');
  app = await createHttpHost({ router: s.runtime.router, logger: silentLogger(), rendererDir, port: 0, launchToken: TOKEN });
  port = hostPort(app);
  launch = cookiesOf(await send({ path: `/?token=${TOKEN}` }));
  cookies.set('anonymous', launch);
  for (const [kind, username] of [...ROLES.map((role) => [role, `fuzz-${role}`] as const), ['otherBranch', 'fuzz-other'] as const]) {
    const cookie = await signIn(username, FIRST_PASSWORD);
    const changed = await post('auth.changePassword', JSON.stringify({ currentPassword: FIRST_PASSWORD, newPassword: FUZZ_PASSWORD }), { cookie });
    expect(changed.status).toBe(200);
    // A changed password ends the old session and opens a new one.
    cookies.set(kind, cookiesOf(changed) ? `${launch}; ${cookiesOf(changed)}` : cookie);
  }
  cookies.set('mustChange', await signIn('fuzz-new', FIRST_PASSWORD));
}, 60_000);
afterAll(async () => {
  await app.close();
  await s.close();
});

describe('fuzzed HTTP boundary', () => {
  it.each(METHODS.map((method, index) => [method, index] as const))('%s refuses invalid input and wrong callers, writing nothing', async (method, index) => {
    await fc.assert(
      fc.asyncProperty(fuzzCases(method, overJson, s.recordIds), (c) =>
        checkFuzzCall(s, c, async () => {
          const body = c.input === undefined ? undefined : JSON.stringify(c.input);
          return resultOf(await post(method, body, { cookie: cookies.get(c.caller) ?? launch }));
        }),
      ),
      { seed: seed + index, numRuns: runsPerMethod(TOTAL_RUNS) },
    );
    expect(rejections.take()).toEqual([]);
  });

  it('refuses requests without the launch cookie, from a foreign Origin or Host, or not in JSON', async () => {
    const admin = () => cookies.get('admin') ?? launch;
    const faults = fc.constantFrom(
      { name: 'no cookie', headers: () => ({ cookie: '' }), status: 401 },
      { name: 'session cookie without launch cookie', headers: () => ({ cookie: admin().split('; ').slice(1).join('; ') }), status: 401 },
      { name: 'forged launch cookie', headers: () => ({ cookie: admin().replace(/mamen_launch=[^;]+/, 'mamen_launch=forged') }), status: 401 },
      { name: 'foreign Origin', headers: () => ({ cookie: admin(), origin: 'http://evil.example' }), status: 403 },
      { name: 'null Origin', headers: () => ({ cookie: admin(), origin: 'null' }), status: 403 },
      { name: 'Origin on another port', headers: () => ({ cookie: admin(), origin: `http://127.0.0.1:${port + 1}` }), status: 403 },
      { name: 'foreign Host', headers: () => ({ cookie: admin(), host: `evil.example:${port}` }), status: 421 },
      { name: 'form body', headers: () => ({ cookie: admin(), 'content-type': 'application/x-www-form-urlencoded' }), status: 415 },
      { name: 'text body', headers: () => ({ cookie: admin(), 'content-type': 'text/plain' }), status: 415 },
      { name: 'multipart body', headers: () => ({ cookie: admin(), 'content-type': 'multipart/form-data; boundary=x' }), status: 415 },
      { name: 'JSON sent as text/json', headers: () => ({ cookie: admin(), 'content-type': 'text/json' }), status: 415 },
      { name: 'no content type', headers: () => ({ cookie: admin(), 'content-type': '' }), status: 415 },
    );
    const before = fingerprint(s.runtime.store);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), faults, fc.jsonValue({ maxDepth: 2 }), async (method, fault, input) => {
        const reply = await post(method, JSON.stringify(input), fault.headers());
        expect(reply.status, `${fault.name}: ${reply.body.slice(0, 200)}`).toBe(fault.status);
        expectWellFormedRefusal(JSON.parse(reply.body) as ApiResult<unknown>, ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_REQUEST']);
      }),
      { seed, numRuns: 400 },
    );
    expect(fingerprint(s.runtime.store)).toEqual(before);
  });

  it('answers a body that is not JSON, or too large, with a coded 4xx and writes nothing', async () => {
    const before = fingerprint(s.runtime.store);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '[1,', '{"a":NaN}', '\u0000', 'undefined', '{"__proto__":')), async (method, body) => {
        let valid = true;
        try {
          JSON.parse(body);
        } catch {
          valid = false;
        }
        fc.pre(!valid && body !== '');
        const reply = await post(method, body, { cookie: cookies.get('admin') ?? launch });
        expect(reply.status).toBe(400);
        expectWellFormedRefusal(JSON.parse(reply.body) as ApiResult<unknown>, ['BAD_REQUEST']);
      }),
      { seed, numRuns: 200 },
    );
    const huge = await post('beneficiaries.search', JSON.stringify({ query: 'ا'.repeat(7 * 1024 * 1024) }), { cookie: cookies.get('admin') ?? launch });
    expect(huge.status).toBe(413);
    expectWellFormedRefusal(JSON.parse(huge.body) as ApiResult<unknown>, ['BAD_REQUEST']);
    expect(fingerprint(s.runtime.store)).toEqual(before);
  });

  it('sent the planned number of invalid inputs', () => {
    console.log(`calls by kind: ${JSON.stringify(Object.fromEntries(FUZZ_COUNTS))}`);
    expect(FUZZ_COUNTS.get('refusal:VALIDATION') ?? 0).toBeGreaterThanOrEqual(MIN_INVALID_INPUTS);
  });
});
