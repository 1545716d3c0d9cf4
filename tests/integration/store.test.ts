import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { sql, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { openStore } from '../../src-main/store/db';
import { StoreTooNewError } from '../../src-main/store/store-errors';
import { verifyAuditChain } from '../../src-main/store/audit-log';
import { beneficiaryInput, setUpStore, tempDir, type TestStore } from './support/test-runtime';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function store(): Promise<TestStore> {
  const s = await setUpStore();
  cleanups.push(() => s.close());
  return s;
}

describe('case store', () => {
  it('migrates an empty file up to the current schema with WAL and foreign keys on', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const opened = await openStore(join(temp.dir, 'new.sqlite'));
    cleanups.push(() => opened.close());
    expect(opened.schemaVersion).toBe(MIGRATIONS.length);
    expect(opened.backupPath).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([
      'audit_log', 'beneficiaries', 'beneficiary_search', 'branches', 'change_log', 'field_history', 'household_members', 'sessions', 'settings', 'users',
    ]));
  });

  it('refuses a store written by a newer version and leaves the file untouched', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const path = join(temp.dir, 'from-the-future.sqlite');
    const first = await openStore(path);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_a_newer_app', '2030-01-01T00:00:00.000Z')`.execute(first.db);
    await first.close();
    const before = fileHash(path);
    await expect(openStore(path)).rejects.toBeInstanceOf(StoreTooNewError);
    await expect(openStore(path)).rejects.toThrow(/newer version/);
    expect(fileHash(path)).toBe(before);
  });

  it('copies an existing store aside before running new migrations on it', async () => {
    const temp = tempDir();
    cleanups.push(temp.remove);
    const path = join(temp.dir, 'upgrade.sqlite');
    const v1 = await openStore(path, { migrations: MIGRATIONS });
    await v1.db.insertInto('settings').values({ key: 'association_name_ar', value: 'قبل الترقية' }).execute();
    await v1.close();

    const addColumn: Migration = {
      up: async (db) => {
        await db.schema.alterTable('settings').addColumn('note', 'text').execute();
      },
    };
    const v2 = await openStore(path, { migrations: [...MIGRATIONS, ['9000_test_add_note', addColumn]] });
    cleanups.push(() => v2.close());
    expect(v2.backupPath).not.toBeNull();
    expect(existsSync(v2.backupPath!)).toBe(true);
    const copy = new Sqlite(v2.backupPath!, { readonly: true });
    const columns = (copy.prepare('PRAGMA table_info(settings)').all() as { name: string }[]).map((c) => c.name);
    const saved = copy.prepare("SELECT value FROM settings WHERE key = 'association_name_ar'").get() as { value: string };
    copy.close();
    expect(columns).not.toContain('note');
    expect(saved.value).toBe('قبل الترقية');
    expect(v2.schemaVersion).toBe(MIGRATIONS.length + 1);
  });

  it('keeps a verifiable hash chain in the audit log and detects tampering', async () => {
    const s = await store();
    await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const intact = await verifyAuditChain(s.runtime.store.db);
    expect(intact.ok).toBe(true);
    expect(intact.entries).toBeGreaterThanOrEqual(2);

    const second = s.runtime.store.sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1').get() as { seq: number };
    s.runtime.store.sqlite.prepare("UPDATE audit_log SET action = 'nothing.happened' WHERE seq = ?").run(second.seq);
    const broken = await verifyAuditChain(s.runtime.store.db);
    expect(broken).toMatchObject({ ok: false, brokenAtSeq: second.seq });
    expect(await s.admin.call('audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: second.seq });
  });

  it('writes the change log in the same transaction as the rows it describes', async () => {
    const s = await store();
    const { id } = await s.admin.call('beneficiaries.register', {
      beneficiary: beneficiaryInput(),
      household: [{ fullName: 'سارة أحمد الحربي', relation: 'daughter', gender: 'female' }],
    });
    const changes = s.runtime.store.sqlite
      .prepare("SELECT table_name, op, fields, hlc FROM change_log WHERE table_name IN ('beneficiaries', 'household_members') ORDER BY seq")
      .all() as { table_name: string; op: string; fields: string; hlc: string }[];
    expect(changes.map((c) => [c.table_name, c.op])).toEqual([['beneficiaries', 'insert'], ['household_members', 'insert']]);
    expect(JSON.parse(changes[0]!.fields)).toMatchObject({ id, first_name: 'أحمد' });
    const row = s.runtime.store.sqlite.prepare('SELECT hlc, branch_id FROM beneficiaries WHERE id = ?').get(id) as { hlc: string; branch_id: string };
    expect(changes[0]!.hlc).toBe(row.hlc);

    // A failure half-way (the household insert) leaves neither the beneficiary nor any log entry.
    s.runtime.store.sqlite.exec("CREATE TRIGGER fail_household BEFORE INSERT ON household_members BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
    const count = (table: string) => (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = { b: count('beneficiaries'), c: count('change_log'), a: count('audit_log'), f: count('beneficiary_search') };
    const result = await s.admin.raw('beneficiaries.register', {
      beneficiary: beneficiaryInput({ firstName: 'خالد', phonePrimary: '0567654321' }),
      household: [{ fullName: 'علي خالد', relation: 'son', gender: 'male' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect({ b: count('beneficiaries'), c: count('change_log'), a: count('audit_log'), f: count('beneficiary_search') }).toEqual(before);
  });

  it('stamps every travelling row with a UUIDv7, its branch and an increasing HLC', async () => {
    const s = await store();
    const a = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
    const b = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سعيد', fatherName: 'ناصر', phonePrimary: '0541112223' }) });
    const rows = s.runtime.store.sqlite.prepare('SELECT id, branch_id, hlc, created_at FROM beneficiaries ORDER BY hlc').all() as { id: string; branch_id: string; hlc: string }[];
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      expect(row.branch_id).toBeTruthy();
    }
    expect(rows[0]!.hlc < rows[1]!.hlc).toBe(true);
  });
});
