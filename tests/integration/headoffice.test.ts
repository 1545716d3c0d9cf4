import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { SCHEMA_HEADER, SYNC_LIMITS } from '../../src-shared/contract/sync';
import { tempDir } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

describe.each(DIALECTS)('head-office server on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  it('answers health with its dialect and schema version, and metrics in Prometheus text', async () => {
    const health = await (await fetch(`${ho.url}/health`)).json();
    expect(health).toEqual({ ok: true, dialect, schemaVersion: ho.store.schemaVersion, minDeskSchemaVersion: ho.store.schemaVersion });
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    await a.sync();
    const metrics = await (await fetch(`${ho.url}/metrics`)).text();
    expect(metrics).toMatch(/^mamen_changes_accepted_total \d+$/m);
    expect(metrics).toMatch(/^mamen_devices_active 1$/m);
  });

  it('serves the admin page under a strict content policy, its data only with the admin token', async () => {
    const page = await fetch(`${ho.url}/admin`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('dir="rtl"');
    expect((await fetch(`${ho.url}/admin/branches`)).status).toBe(401);
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    await a.sync();
    expect((await ho.admin('GET', '/admin/branches')).body).toEqual({ branches: [{ id: a.enrolment.branchId, code: 'JZN', name_ar: 'فرع JZN' }] });
  });

  it('refuses the admin endpoints without the admin token', async () => {
    const response = await fetch(`${ho.url}/admin/devices`, { headers: { authorization: 'Bearer wrong' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthenticated' });
  });

  it('tells a desk with another schema version to update, before reading its batch', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const response = await fetch(`${ho.url}/sync/pull?after=0`, { headers: { authorization: `Bearer ${a.enrolment.credential}`, [SCHEMA_HEADER]: '1' } });
    expect(response.status).toBe(426);
    expect(await response.json()).toEqual({ error: 'update_required', serverSchemaVersion: ho.store.schemaVersion, minDeskSchemaVersion: ho.store.schemaVersion });
  });

  it('refuses malformed and oversized batches with a code, applying nothing', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const headers = { authorization: `Bearer ${a.enrolment.credential}`, [SCHEMA_HEADER]: String(ho.store.schemaVersion), 'content-type': 'application/json' };
    const malformed = await fetch(`${ho.url}/sync/push`, { method: 'POST', headers, body: JSON.stringify({ batchId: 'x', changes: [] }) });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'invalid_batch' });
    const big = { batchId: uuidv7(), changes: [{ id: uuidv7(), table_name: 'beneficiaries', row_id: uuidv7(), op: 'update', fields: { notes: 'x'.repeat(SYNC_LIMITS.bodyBytes + 1024) }, hlc: '000000000000001-00000-n', branch_id: a.enrolment.branchId }] };
    const oversized = await fetch(`${ho.url}/sync/push`, { method: 'POST', headers, body: JSON.stringify(big) });
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual({ error: 'payload_too_large' });
    expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(0);
  });

  it('lists each device with its last push, pull and lag for the admin', async () => {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    await a.sync();
    const listed = await ho.admin('GET', '/admin/devices');
    const devices = (listed.body as { devices: Array<Record<string, unknown>> }).devices;
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ id: a.enrolment.deviceId, branch_id: a.enrolment.branchId, revoked_at: null, last_error: null });
    expect(devices[0]?.last_push_at).toEqual(expect.any(String));
    expect(devices[0]?.last_pull_at).toEqual(expect.any(String));
  });
});

describe('head-office entry point', () => {
  it('starts from `npx tsx src-main/headoffice/server.ts` on a SQLite file and answers health', async () => {
    const temp = tempDir('mamen-ho-entry-');
    const port = 47_650 + Math.floor(Math.random() * 40);
    // Same program as `npx tsx src-main/headoffice/server.ts`, in one process so that the test can stop it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/headoffice/server.ts'], {
      env: { ...process.env, DATABASE_URL: '', HEADOFFICE_STORE: join(temp.dir, 'ho.sqlite'), HEADOFFICE_HOST: '127.0.0.1', HEADOFFICE_PORT: String(port), MAMEN_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      let health: unknown = null;
      for (let i = 0; i < 100 && health === null; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json()).catch(() => null);
      }
      expect(health).toMatchObject({ ok: true, dialect: 'sqlite' });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      temp.remove();
    }
  }, 30_000);
});

describe('the desks’ update feed', () => {
  it('serves latest.yml and installers from the updates folder, resuming a cut download by range', async () => {
    const updates = tempDir('mamen-updates-');
    const installer = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
    writeFileSync(join(updates.dir, 'latest.yml'), 'version: 0.2.0\npath: mamen-setup-0.2.0.exe\n');
    writeFileSync(join(updates.dir, 'mamen-setup-0.2.0.exe'), installer);
    const ho = await startHeadOffice('sqlite', updates.dir);
    try {
      const feed = await fetch(`${ho.url}/updates/latest.yml`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('version: 0.2.0');
      const rest = await fetch(`${ho.url}/updates/mamen-setup-0.2.0.exe`, { headers: { range: 'bytes=1000-' } });
      expect(rest.status).toBe(206);
      expect(Buffer.from(await rest.arrayBuffer()).equals(installer.subarray(1000))).toBe(true);
      // The folder itself is never listed.
      expect((await fetch(`${ho.url}/updates/`)).status).toBe(403);
    } finally {
      await ho.close();
      updates.remove();
    }
  });
});
