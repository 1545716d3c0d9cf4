import Sqlite from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { applyStoreKey } from '../../src-main/store/db';
import { tempDir } from './support/test-runtime';

const PASSWORD = 'correct horse battery';
const temp = tempDir('mamen-cli-');
const storePath = join(temp.dir, 'store', 'mamen.sqlite');
/** `init` makes the store's key beside it (mode 0600); the other commands find it there. */
const keyFile = join(temp.dir, 'store', 'store.key');

/** Runs `mamen` as the admin would (`npm run mamen -- …`), in a child process. */
function mamen(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/mamen.ts', '--store', storePath, ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    env: { ...process.env, MAMEN_ADMIN_PASSWORD: PASSWORD, MAMEN_PASSWORD: PASSWORD, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function query<T>(sql: string, path = storePath): T {
  const db = new Sqlite(path, { readonly: true });
  try {
    applyStoreKey(db, Buffer.from(readFileSync(keyFile, 'latin1').trim(), 'hex'));
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}
const beneficiaryCount = (path = storePath) => query<{ n: number }>('SELECT COUNT(*) AS n FROM beneficiaries', path).n;

function writeCsv(name: string, rows: string[]): string {
  const path = join(temp.dir, name);
  writeFileSync(path, `\ufeffالاسم الأول,اسم الأب,اسم الجد,العائلة,رقم الهوية,الجوال,الجنس\n${rows.join('\n')}\n`);
  return path;
}

const goodId = withCheckDigit('112233445');
const badId = `${withCheckDigit('112233446').slice(0, 9)}${(Number(withCheckDigit('112233446')[9]) + 1) % 10}`;

beforeAll(() => {
  const init = mamen(['init', '--association', 'جمعية مأمن', '--branch-code', 'HQ', '--branch-name', 'المقر الرئيسي', '--admin', 'admin', '--admin-name', 'مدير النظام']);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
}, 60_000);
afterAll(() => temp.remove());

describe('mamen command line', () => {
  it('sets the system up once and refuses a second set-up', () => {
    expect(existsSync(storePath)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(storePath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").n).toBe(1);
    const again = mamen(['init', '--association', 'x', '--branch-code', 'HQ2', '--branch-name', 'y', '--admin', 'admin2', '--admin-name', 'z']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('تم إعداد النظام مسبقاً');
    const missing = mamen(['init', '--association', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--branch-code');
  });

  it('refuses a file with a bad row, writing nothing, and imports the rest when told to skip it', () => {
    const file = writeCsv('people.csv', [
      `فاطمة,علي,حسن,المالكي,${goodId},0551110001,أنثى`,
      `خالد,سعيد,ناصر,الشهري,${badId},0551110002,ذكر`,
      `نورة,علي,حسن,المالكي,,0551110001,أنثى`,
    ]);
    const refused = mamen(['import', file, '--user', 'admin']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('الصف 3: رقم الهوية/الإقامة غير صحيح');
    expect(refused.stderr).toContain('لم يُستورد أي سجل');
    expect(beneficiaryCount()).toBe(0);

    const dryRun = mamen(['import', file, '--user', 'admin', '--dry-run', '--skip-problem-rows']);
    expect(dryRun.code).toBe(0);
    expect(beneficiaryCount()).toBe(0);

    const skipped = mamen(['import', file, '--user', 'admin', '--skip-problem-rows']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('Rows: 3, accepted: 2, rejected: 1, duplicates: 0, imported: 2');
    expect(beneficiaryCount()).toBe(2);
  });

  it('refuses a wrong password and a non-existent store', () => {
    const file = writeCsv('one.csv', [`سعد,علي,حسن,الحربي,,,ذكر`]);
    const wrong = mamen(['import', file, '--user', 'admin'], { MAMEN_PASSWORD: 'not the password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('اسم المستخدم أو كلمة المرور غير صحيحة');
    const elsewhere = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/mamen.ts', '--store', join(temp.dir, 'none.sqlite'), 'backup', join(temp.dir, 'x.sqlite')], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain('لا توجد قاعدة بيانات');
  });

  it('lists candidate pairs as a UTF-8 CSV with Arabic headings, and as JSON, auditing each listing', () => {
    const out = join(temp.dir, 'pairs.csv');
    const csv = mamen(['duplicates', '--user', 'admin', '--format', 'csv', '--out', out]);
    expect(csv.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffدرجة التشابه,النوع,الأسباب')).toBe(true);
    expect(text).toContain('فاطمة علي حسن المالكي');
    expect(text).toContain('نورة علي حسن المالكي');
    expect(text).toContain('قريب محتمل');

    const json = mamen(['duplicates', '--user', 'admin', '--format', 'json']);
    expect(json.code).toBe(0);
    const listing = JSON.parse(json.stdout) as { pairs: Array<{ kind: string; reasons: string[]; aName: string }>; blocksSkipped: number };
    expect(listing.blocksSkipped).toBe(0);
    expect(listing.pairs).toEqual([expect.objectContaining({ kind: 'relative', reasons: ['same_phone', 'relative_same_lineage'] })]);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'cli.duplicates'").n).toBe(2);
  });

  it('refuses a key file others can read, and a wrong key, in Arabic and English, changing nothing', () => {
    const before = readFileSync(storePath);
    chmodSync(keyFile, 0o644);
    const loose = mamen(['duplicates', '--user', 'admin', '--format', 'json']);
    chmodSync(keyFile, 0o600);
    expect(loose.code).toBe(1);
    expect(loose.stderr).toContain('chmod 600');
    expect(loose.stderr).toContain('صلاحيات ملف المفتاح');

    const wrong = mamen(['duplicates', '--user', 'admin', '--format', 'json'], { MAMEN_STORE_KEY: 'cd'.repeat(32) });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('المفتاح غير صحيح');
    expect(wrong.stderr).toContain('key is wrong');
    expect(readFileSync(storePath).equals(before)).toBe(true);
  });
});
