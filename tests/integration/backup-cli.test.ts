import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/db';
import { BACKUP_STORE_FILE } from '../../src-main/store/backup-files';
import { createHlcClock } from '../../src-main/store/hlc-clock';
import { readHlcFloor, readRebuildSince } from '../../src-main/store/sync-rebuild';
import { saveEnrolment } from '../../src-main/store/sync-state';
import { hlcToString } from '../../src-shared/domain/hlc';
import { tempDir, TEST_STORE_KEY } from './support/test-runtime';

const PASSWORD = 'correct horse battery';
const temp = tempDir('mamen-backup-cli-');
const storePath = join(temp.dir, 'store', 'mamen.sqlite');
const folder = join(temp.dir, 'usb');

/** `npm run mamen -- …` in a child process, with the store key in the environment as a script would set it. */
function mamen(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/mamen.ts', '--store', storePath, ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    env: { ...process.env, MAMEN_ADMIN_PASSWORD: PASSWORD, MAMEN_STORE_KEY: TEST_STORE_KEY.toString('hex') },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function counts(): Promise<{ users: number; audit: string[] }> {
  const store = await openStore(storePath, { key: TEST_STORE_KEY });
  try {
    const users = await store.db.selectFrom('users').select('id').execute();
    const audit = await store.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    return { users: users.length, audit: audit.map((a) => a.action) };
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  const init = mamen(['init', '--association', 'جمعية مأمن', '--branch-code', 'HQ', '--branch-name', 'المقر الرئيسي', '--admin', 'admin', '--admin-name', 'مدير النظام']);
  expect(init.code).toBe(0);
}, 60_000);
afterAll(() => temp.remove());

describe('mamen backup and restore', () => {
  it('backs up, previews, refuses a damaged copy and restores after backing up the current state', async () => {
    const backup = mamen(['backup', folder]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('تم إنشاء النسخة الاحتياطية والتحقق منها');
    const [name] = readdirSync(folder);
    expect(name).toMatch(/-manual$/);

    const preview = mamen(['restore', join(folder, name!), '--preview']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('المستخدمون 1');
    expect(preview.stdout).toContain('لم يتغيّر شيء (معاينة فقط)');
    expect(readdirSync(folder)).toHaveLength(1);

    // A second admin added after the backup: the restore takes the store back to one user.
    const before = await counts();
    expect(before.audit).toContain('backups.create');
    const store = await openStore(storePath, { key: TEST_STORE_KEY });
    await store.db.updateTable('users').set({ display_name: 'بعد النسخة' }).execute();
    await store.close();

    const restore = mamen(['restore', join(folder, name!)]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const pre = readdirSync(folder).find((n) => n.endsWith('-pre-restore'));
    expect(pre).toBeDefined();
    expect(restore.stdout).toContain(pre!);
    // Not enrolled with head office: nothing to re-sync.
    expect(restore.stdout).not.toContain('re-sync');
    const after = await openStore(storePath, { key: TEST_STORE_KEY });
    const names = await after.db.selectFrom('users').select('display_name').execute();
    const lastAudit = await after.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await after.close();
    expect(names.map((n) => n.display_name)).toEqual(['مدير النظام']);
    expect(lastAudit.action).toBe('backups.restore');
    expect(JSON.parse(lastAudit.detail!)).toMatchObject({ backup: name, via: 'cli', preRestoreBackup: pre });

    // A damaged backup is refused with the Arabic reason, and the store stays as it is.
    const copy = join(folder, name!, BACKUP_STORE_FILE);
    const fd = openSync(copy, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(copy).size / 2));
    closeSync(fd);
    const storeSize = statSync(storePath).size;
    const refused = mamen(['restore', join(folder, name!)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('النسخة الاحتياطية تالفة');
    expect(statSync(storePath).size).toBe(storeSize);
    expect(readdirSync(folder).filter((n) => n.endsWith('-pre-restore'))).toHaveLength(1);
  }, 120_000);

  it('restores an enrolled desk for a re-sync from head office, its clock past what it had sent, and says so', async () => {
    const store = await openStore(storePath, { key: TEST_STORE_KEY });
    const branch = await store.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    await saveEnrolment(store.db, { serverUrl: 'https://ho.example', deviceId: '0190a0b0-0000-7000-8000-000000000001', credential: 'c'.repeat(40), branchId: branch.id });
    await store.close();
    const backup = mamen(['backup', folder]);
    expect(backup.code).toBe(0);
    const name = readdirSync(folder).filter((n) => n.endsWith('-manual')).sort().at(-1)!;
    // After the backup the desk stamped (and sent) a change ahead of the time of the restore.
    const sent = hlcToString({ wallMs: Date.now() + 3600_000, counter: 0, node: 'desk' });
    const later = await openStore(storePath, { key: TEST_STORE_KEY });
    await later.db.insertInto('change_log').values({ id: '0190a0b0-0000-7000-8000-000000000003', table_name: 'branches', row_id: branch.id, op: 'update', fields: '{}', hlc: sent, branch_id: branch.id, created_at: new Date().toISOString(), pushed_at: new Date().toISOString() }).execute();
    await later.close();

    const restore = mamen(['restore', join(folder, name)]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('سيعيد المزامنة');
    expect(restore.stdout).toContain('it will re-sync from it');
    const after = await openStore(storePath, { key: TEST_STORE_KEY });
    try {
      expect(await readRebuildSince(after.db)).toEqual(expect.any(String));
      expect(await readHlcFloor(after.db)).toBe(sent);
      expect((await createHlcClock(after.db)).next() > sent).toBe(true);
    } finally {
      await after.close();
    }
  }, 120_000);

  it('refuses a folder that is not a backup', () => {
    const notBackup = join(temp.dir, 'random');
    mkdirSync(notBackup);
    const refused = mamen(['restore', notBackup, '--preview']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ليس نسخة احتياطية');
    expect(existsSync(storePath)).toBe(true);
  });
});
