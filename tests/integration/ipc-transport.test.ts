import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcTransport } from '../../src-main/api/transports/ipc';
import { ADMIN_PASSWORD, setUpStore, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

describe('IPC transport', () => {
  it('keeps one session per window and never hands the token to the renderer', async () => {
    const ipc = createIpcTransport(s.runtime.router);
    const login = await ipc.handle(1, { method: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect(await ipc.handle(1, { method: 'auth.me', input: {} })).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    // Another window (sender) is not signed in.
    expect(await ipc.handle(2, { method: 'auth.me', input: {} })).toMatchObject({ ok: true, value: { user: null } });
    ipc.forget(1);
    expect(await ipc.handle(1, { method: 'auth.me', input: {} })).toMatchObject({ ok: true, value: { user: null } });
  });

  it('refuses a payload that is not a method call', async () => {
    const ipc = createIpcTransport(s.runtime.router);
    for (const payload of [null, 'users.list', 42, { input: {} }, { method: 7 }]) {
      expect(await ipc.handle(1, payload)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });
});
