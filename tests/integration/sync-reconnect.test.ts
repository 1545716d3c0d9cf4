import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRuns } from '../../src-main/store/sync-state';
import { SyncScheduler } from '../../src-main/sync/scheduler';
import { beneficiaryInput } from './support/test-runtime';
import { firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/** A line to head office that can be cut and restored: when cut, every connection is dropped at once. */
async function line(target: string): Promise<{ url: string; up: boolean; close(): Promise<void> }> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const state = { up: true };
  const server: Server = createServer((client) => {
    if (!state.up) return void client.destroy();
    const upstream = createConnection({ host: to.hostname, port: Number(to.port) });
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => { client.destroy(); upstream.destroy(); };
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get up() { return state.up; },
    set up(value: boolean) {
      state.up = value;
      if (!value) for (const s of sockets) s.destroy();
    },
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

describe('syncing again as soon as the line is back', () => {
  let ho: HeadOfficeHarness;
  let desk: Desk;
  let link: Awaited<ReturnType<typeof line>>;
  let scheduler: SyncScheduler;
  beforeEach(async () => {
    ho = await startHeadOffice('sqlite');
    desk = await firstDesk(ho, 'JZN');
    link = await line(ho.url);
    await desk.runtime.store.db.updateTable('settings').set({ value: link.url }).where('key', '=', 'sync.server_url').execute();
    // An hour of backoff: only the nudge can bring the next run forward within the test.
    scheduler = new SyncScheduler(desk.runtime.store.db, { schemaVersion: desk.runtime.store.schemaVersion, baseBackoffMs: 3_600_000, maxBackoffMs: 3_600_000, intervalMs: 3_600_000 });
  });
  afterEach(async () => {
    scheduler.stop();
    await link.close();
    await desk.close();
    await ho.close();
  });

  it('runs at once when nudged after a failed run, instead of waiting out the backoff', async () => {
    await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    link.up = false;
    await scheduler.runNow();
    expect(scheduler.state()).toMatchObject({ error: 'offline', failures: 1 });
    expect(Date.parse(scheduler.state().nextRunAt ?? '') - Date.now()).toBeGreaterThan(25 * 60_000);
    link.up = true;
    await scheduler.nudge();
    expect(scheduler.state()).toMatchObject({ error: null, failures: 0, offlineSince: null });
    expect(await ho.store.db.selectFrom('beneficiaries').select('id').execute()).toHaveLength(1);
  });

  it('leaves a desk that is not waiting on a failure to its periodic rhythm', async () => {
    await scheduler.runNow();
    const runs = (await lastRuns(desk.runtime.store.db, 10)).length;
    await scheduler.nudge();
    expect(await lastRuns(desk.runtime.store.db, 10)).toHaveLength(runs);
  });

  it('takes the window’s "online" through the API: sync.nudge', async () => {
    link.up = false;
    await desk.admin.call('sync.now', {});
    expect((await desk.admin.call('sync.status', {})).state).toBe('offline');
    link.up = true;
    expect(await desk.admin.call('sync.nudge', {})).toEqual({ ok: true });
    await expect.poll(async () => (await desk.admin.call('sync.status', {})).state, { timeout: 10_000 }).toBe('synced');
    // Head office's clock as seen in its answers: this desk and head office share one clock here.
    const { clockOffsetMs } = await desk.admin.call('sync.status', {});
    expect(Math.abs(clockOffsetMs ?? Number.NaN)).toBeLessThan(2_000);
    expect((await desk.admin.call('system.status', {})).sync).toMatchObject({ state: 'synced', error: null, clockOffsetMs });
  });
});
