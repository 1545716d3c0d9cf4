import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateFeedUrl } from '../../src-main/sync/update-feed';
import { DIALECTS, firstDesk, setUpDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';
import { tempDir } from './support/test-runtime';

describe.each(DIALECTS)('desks update from their own head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  let updates: { dir: string; remove(): void };
  const desks: Desk[] = [];
  beforeEach(async () => {
    updates = tempDir('mamen-updates-');
    writeFileSync(join(updates.dir, 'latest.yml'), 'version: 0.2.0\nfiles:\n  - url: mamen-setup-0.2.0.exe\npath: mamen-setup-0.2.0.exe\n');
    writeFileSync(join(updates.dir, 'mamen-setup-0.2.0.exe'), Buffer.alloc(4096, 7));
    ho = await startHeadOffice(dialect, updates.dir);
  });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
    updates.remove();
  });

  it('points an enrolled desk’s updater at <head office>/updates/, where latest.yml and the installer are served', async () => {
    const desk = await firstDesk(ho, 'JZN');
    desks.push(desk);
    const feed = await updateFeedUrl(desk.runtime.store.db, undefined);
    expect(feed).toBe(`${ho.url}/updates/`);
    const latest = await fetch(`${feed}latest.yml`);
    expect(latest.status).toBe(200);
    expect(await latest.text()).toContain('version: 0.2.0');
    const tail = await fetch(`${feed}mamen-setup-0.2.0.exe`, { headers: { range: 'bytes=4000-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 4000-4095/4096');
    expect((await tail.arrayBuffer()).byteLength).toBe(96);
  });

  it('keeps updates off on a desk that is not enrolled, and lets a configured feed win', async () => {
    const desk = await setUpDesk('JZN');
    try {
      expect(await updateFeedUrl(desk.runtime.store.db, undefined)).toBeUndefined();
      expect(await updateFeedUrl(desk.runtime.store.db, 'https://updates.example.org/mamen/')).toBe('https://updates.example.org/mamen/');
    } finally {
      await desk.close();
    }
  });
});
