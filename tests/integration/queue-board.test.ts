import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHost, hostPort } from '../../src-main/api/transports/http';
import { createIpcTransport } from '../../src-main/api/transports/ipc';
import type { Board } from '../../src-shared/contract/queue';
import { boardWaiterCount } from '../../src-main/services/queue-board-signal';
import { ADMIN_PASSWORD, setUpStore, silentLogger, userOf, type TestStore } from './support/test-runtime';

/** The display's long poll, over the router, the IPC transport and the loopback HTTP host. */

const TOKEN = 'launch-token-for-queue-board-tests';
let s: TestStore;
let branchId: string;
let deskId: string;

beforeAll(async () => {
  s = await setUpStore();
  branchId = (await s.admin.call('auth.me', {})).user!.branchId;
  deskId = (await s.admin.call('queue.saveDesk', { number: 3, name: 'شباك ٣', services: ['new_request', 'inquiry'] })).id;
});
afterAll(async () => {
  await s.close();
});

/** Calls the waiting ticket at desk 3 and then clears the desk for the next test; returns when the call was made. */
async function callAndClear(ticketId: string): Promise<number> {
  const calledAt = performance.now();
  await s.admin.call('queue.callNext', { deskId });
  await s.admin.call('queue.noShow', { deskId, ticketId });
  return calledAt;
}

describe('live queue board', () => {
  it('answers at once when the caller has no version or an old one', async () => {
    const board = await s.admin.call('queue.waitForBoardChange', { branchId, sinceVersion: null });
    expect(board.branchName).toBe('المقر الرئيسي');
    const started = performance.now();
    await s.admin.call('queue.waitForBoardChange', { branchId, sinceVersion: 'an-old-version' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('resolves within a second of a desk calling, showing the call first with its desk', async () => {
    const { version } = await s.admin.call('queue.board', { branchId });
    const waiting = s.admin.call('queue.waitForBoardChange', { branchId, sinceVersion: version });
    await new Promise((r) => setTimeout(r, 200));
    expect(boardWaiterCount(branchId)).toBe(1);
    const ticket = await s.admin.call('queue.issue', { service: 'new_request' });
    // Issuing changes the version too; wait again from there so the call itself is what wakes the board.
    const afterIssue = await waiting;
    const next = s.admin.call('queue.waitForBoardChange', { branchId, sinceVersion: afterIssue.version });
    await new Promise((r) => setTimeout(r, 200));
    const calledAt = performance.now();
    await s.admin.call('queue.callNext', { deskId });
    const board = await next;
    expect(performance.now() - calledAt).toBeLessThan(1000);
    expect(board.calls[0]).toMatchObject({ number: ticket.number, deskNumber: 3, deskName: 'شباك ٣', recall: false });
    expect(board.version).not.toBe(afterIssue.version);
    await s.admin.call('queue.noShow', { deskId, ticketId: ticket.id });
    expect(boardWaiterCount(branchId)).toBe(0);
  });

  it('times out with the same board when nothing changes', async () => {
    const { version } = await s.admin.call('queue.board', { branchId });
    const started = performance.now();
    const board = await s.admin.call('queue.waitForBoardChange', { branchId, sinceVersion: version, waitSeconds: 1 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2000);
    expect(board.version).toBe(version);
    expect(boardWaiterCount(branchId)).toBe(0);
  });

  it('shows a recall as the current call again', async () => {
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry' });
    await s.admin.call('queue.callNext', { deskId });
    await s.admin.call('queue.recall', { deskId, ticketId: ticket.id });
    const board = await s.admin.call('queue.board', { branchId });
    expect(board.calls[0]).toMatchObject({ number: ticket.number, recall: true });
    expect(board.calls.filter((c) => c.ticketId === ticket.id)).toHaveLength(1);
    await s.admin.call('queue.noShow', { deskId, ticketId: ticket.id });
  });

  it('refuses the board of another branch to a user limited to their own', async () => {
    const other = await s.admin.call('branches.create', { code: 'ABR', nameAr: 'مكتب أبو عريش', city: 'أبو عريش' });
    const stranger = await userOf(s, 'reception', other.id, 'abu.arish.desk');
    const result = await stranger.raw('queue.waitForBoardChange', { branchId, sinceVersion: null });
    expect(result.ok ? null : result.error.code).toBe('OUT_OF_SCOPE');
  });

  it('works the same over IPC', async () => {
    const ipc = createIpcTransport(s.runtime.router);
    const login = await ipc.handle(7, { method: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.ok).toBe(true);
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry' });
    const first = await ipc.handle(7, { method: 'queue.board', input: { branchId } });
    const version = first.ok ? (first.value as Board).version : '';
    const waiting = ipc.handle(7, { method: 'queue.waitForBoardChange', input: { branchId, sinceVersion: version } });
    await new Promise((r) => setTimeout(r, 100));
    const calledAt = await callAndClear(ticket.id);
    const result = await waiting;
    expect(performance.now() - calledAt).toBeLessThan(1000);
    expect(result.ok && (result.value as Board).calls[0]?.number).toBe(ticket.number);
  });
});

describe('live queue board over the loopback HTTP host', () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = await createHttpHost({ router: s.runtime.router, logger: silentLogger(), rendererDir: null, port: 0, launchToken: TOKEN });
    port = hostPort(app);
  });
  afterAll(async () => {
    await app.close();
  });

  function send(method: string, path: string, body: string | undefined, cookie: string): Promise<{ status: number; cookies: string[]; body: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host: `127.0.0.1:${port}`, cookie };
      if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` });
      const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const set = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, cookies: set.map((c) => c.split(';')[0] ?? ''), body: text });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  it('holds the request until a desk calls, then answers with the new board', async () => {
    const launch = (await send('GET', `/?token=${TOKEN}`, undefined, '')).cookies.join('; ');
    const login = await send('POST', '/api/auth.login', JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }), launch);
    const cookie = [launch, ...login.cookies].join('; ');
    const ticket = await s.admin.call('queue.issue', { service: 'inquiry' });
    const board = JSON.parse((await send('POST', '/api/queue.board', JSON.stringify({ branchId }), cookie)).body) as { ok: true; value: Board };
    const waiting = send('POST', '/api/queue.waitForBoardChange', JSON.stringify({ branchId, sinceVersion: board.value.version }), cookie);
    await new Promise((r) => setTimeout(r, 150));
    const calledAt = await callAndClear(ticket.id);
    const reply = await waiting;
    expect(performance.now() - calledAt).toBeLessThan(1000);
    const changed = JSON.parse(reply.body) as { ok: true; value: Board };
    expect(changed.value.version).not.toBe(board.value.version);
    expect(changed.value.calls[0]?.number).toBe(ticket.number);
  });
});
