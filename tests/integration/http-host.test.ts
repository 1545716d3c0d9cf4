import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHost, hostPort } from '../../src-main/api/transports/http';
import { setUpStore, silentLogger, ADMIN_PASSWORD, type TestStore } from './support/test-runtime';
import { cookiesOf, rawRequest, type RawReply } from './support/raw-http';

const TOKEN = 'launch-token-for-tests-0123456789';
let s: TestStore;
let app: FastifyInstance;
let port: number;

type Reply = RawReply;

const send = (options: Parameters<typeof rawRequest>[1]): Promise<Reply> => rawRequest(port, options);

async function launchCookie(): Promise<string> {
  const reply = await send({ path: `/?token=${TOKEN}` });
  expect(reply.status).toBe(302);
  return cookiesOf(reply);
}

function api(method: string, input: unknown, headers: Record<string, string>): Promise<Reply> {
  return send({ method: 'POST', path: `/api/${method}`, body: JSON.stringify(input), headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...headers } });
}

beforeAll(async () => {
  s = await setUpStore();
  const rendererDir = join(s.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>mamen</title>');
  app = await createHttpHost({ router: s.runtime.router, logger: silentLogger(), rendererDir, port: 0, launchToken: TOKEN });
  port = hostPort(app);
});
afterAll(async () => {
  await app.close();
  await s.close();
});

describe('loopback HTTP host', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = app.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('trades the launch token for an HttpOnly SameSite=Strict cookie, and refuses a wrong token', async () => {
    const reply = await send({ path: `/?token=${TOKEN}` });
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/mamen_launch=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    expect((await send({ path: '/?token=guess' })).status).toBe(401);
    expect((await send({ path: '/' })).status).toBe(401);
    expect((await send({ path: '/', headers: { cookie: await launchCookie() } })).status).toBe(200);
  });

  it('refuses the API without the launch cookie', async () => {
    const reply = await api('setup.status', {}, {});
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const cookie = await launchCookie();
    const reply = await send({ method: 'POST', path: '/api/setup.status', body: '{}', headers: { host: `evil.example:${port}`, cookie, 'content-type': 'application/json', origin: `http://evil.example:${port}` } });
    expect(reply.status).toBe(421);
    expect((await send({ path: '/healthz', headers: { host: 'attacker.test' } })).status).toBe(421);
  });

  it('refuses a foreign or missing Origin', async () => {
    const cookie = await launchCookie();
    expect((await api('setup.status', {}, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    const noOrigin = await send({ method: 'POST', path: '/api/setup.status', body: '{}', headers: { cookie, 'content-type': 'application/json' } });
    expect(noOrigin.status).toBe(403);
  });

  it('accepts only JSON bodies, and refuses oversized ones', async () => {
    const cookie = await launchCookie();
    const form = await send({ method: 'POST', path: '/api/auth.login', body: 'username=admin', headers: { cookie, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const broken = await send({ method: 'POST', path: '/api/auth.login', body: '{"username":', headers: { cookie, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const huge = await api('auth.login', { username: 'x'.repeat(13 * 1024 * 1024), password: 'y' }, { cookie });
    expect(huge.status).toBe(413);
  });

  it('signs in, keeps the user session in an HttpOnly cookie, and maps errors to statuses', async () => {
    const launch = await launchCookie();
    const wrong = await api('auth.login', { username: 'admin', password: 'nope' }, { cookie: launch });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.message.ar).toContain('كلمة المرور');
    const login = await api('auth.login', { username: 'admin', password: ADMIN_PASSWORD }, { cookie: launch });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/mamen_session=.*HttpOnly.*SameSite=Strict/);
    const cookie = `${launch}; ${cookiesOf(login)}`;
    const me = await api('auth.me', {}, { cookie });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    const invalid = await api('beneficiaries.get', { id: 'not-a-uuid' }, { cookie });
    expect(invalid.status).toBe(400);
    expect(await api('no.such', {}, { cookie })).toMatchObject({ status: 404 });
  });

  it('sends a strict Content-Security-Policy and no-sniff on every response', async () => {
    const reply = await send({ path: '/healthz' });
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });
});
