import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSyncStatus } from '../../src-main/services/sync-status';
import { SyncScheduler } from '../../src-main/sync/scheduler';
import { SyncServer } from '../../src-main/sync/server-client';
import { syncText } from '../../src-renderer/features/sync/i18n';
import { beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/** A desk whose app (and so its schema) is `offset` versions away from what it really is. */
function asVersion(desk: Desk, version: number): SyncServer {
  return new SyncServer(desk.enrolment.serverUrl, desk.enrolment.credential, version);
}

describe.each(DIALECTS)('schema versions between desks and head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  describe('with the default minimum (head office’s own version)', () => {
    beforeEach(async () => { ho = await startHeadOffice(dialect); });

    it('refuses an outdated desk on push and pull, saying it must update, and writes nothing', async () => {
      const a = await firstDesk(ho, 'JZN');
      desks.push(a);
      const version = a.runtime.store.schemaVersion;
      const old = asVersion(a, version - 1);
      const change = await a.runtime.store.db.selectFrom('change_log').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
      await expect(old.push('0190f5a2-0000-7000-8000-000000000001', [{ ...change, op: 'insert', fields: JSON.parse(change.fields) as Record<string, string> }]))
        .rejects.toMatchObject({ code: 'update_required', status: 426 });
      await expect(old.pull(0, 10)).rejects.toMatchObject({ code: 'update_required', status: 426 });
      const raw = await fetch(`${ho.url}/sync/pull?after=0`, { headers: old.headers() });
      expect(await raw.json()).toEqual({ error: 'update_required', serverSchemaVersion: version, minDeskSchemaVersion: version });
      expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(0);
    });

    it('shows "update the app" in the desk’s status, keeps its work pending and pulls nothing', async () => {
      const a = await firstDesk(ho, 'JZN');
      desks.push(a);
      await a.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
      const db = a.runtime.store.db;
      const scheduler = new SyncScheduler(db, { schemaVersion: a.runtime.store.schemaVersion - 1, random: () => 0 });
      await scheduler.runNow();
      scheduler.stop();
      const status = await readSyncStatus(db, scheduler.state());
      expect(status).toMatchObject({ state: 'error', error: 'update_required' });
      expect(status.pendingChanges).toBeGreaterThan(0);
      expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(0);
      expect(syncText.ar.errors.update_required).toContain('حدّث');
      expect(syncText.en.errors.update_required).toMatch(/update/i);
    });

    it('refuses a desk newer than head office, saying head office must be updated first', async () => {
      const a = await firstDesk(ho, 'JZN');
      desks.push(a);
      const newer = asVersion(a, a.runtime.store.schemaVersion + 1);
      await expect(newer.pull(0, 10)).rejects.toMatchObject({ code: 'server_outdated', status: 426 });
      const scheduler = new SyncScheduler(a.runtime.store.db, { schemaVersion: a.runtime.store.schemaVersion + 1, random: () => 0 });
      await scheduler.runNow();
      scheduler.stop();
      expect(scheduler.state().error).toBe('server_outdated');
      expect(await ho.store.db.selectFrom('sync_changes').select('id').execute()).toHaveLength(0);
      expect(syncText.ar.errors.server_outdated).toContain('المقر');
    });

    it('refuses a request without a schema version like an outdated desk', async () => {
      const a = await firstDesk(ho, 'JZN');
      desks.push(a);
      const { authorization } = a.server.headers();
      const response = await fetch(`${ho.url}/sync/pull?after=0`, { headers: { authorization: authorization ?? '' } });
      expect(response.status).toBe(426);
      expect(await response.json()).toMatchObject({ error: 'update_required' });
    });
  });

  it('accepts a desk one version behind when head office allows it, and says so on /health', async () => {
    const probe = await startHeadOffice(dialect);
    const version = probe.store.schemaVersion;
    await probe.close();
    ho = await startHeadOffice(dialect, undefined, version - 1);
    const health = await (await fetch(`${ho.url}/health`)).json();
    expect(health).toMatchObject({ schemaVersion: version, minDeskSchemaVersion: version - 1 });
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const behind = asVersion(a, version - 1);
    expect((await behind.pull(0, 10)).changes).toEqual([]);
    await expect(asVersion(a, version - 2).pull(0, 10)).rejects.toMatchObject({ code: 'update_required' });
  });
});
