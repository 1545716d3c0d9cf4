import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src-main/api/logger';
import { openRuntime } from '../../src-main/api/runtime';
import { Caller, TEST_STORE_KEY, beneficiaryInput, tempDir, userOf, type TestStore } from './support/test-runtime';

const temps: { remove(): void }[] = [];
function scratch(): string {
  const t = tempDir('mamen-logs-');
  temps.push(t);
  return t.dir;
}
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('log files', () => {
  it('writes one JSON object a line to its file, readable by the user only', () => {
    const path = join(scratch(), 'logs', 'main.log');
    const logger = createLogger({ destination: path, level: 'info' });
    logger.info({ method: 'auth.login', ms: 3 }, 'api call');
    logger.flush();
    const [line] = lines(path);
    expect(line).toMatchObject({ level: 30, app: 'mamen', method: 'auth.login', ms: 3, msg: 'api call' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = join(scratch(), 'logs');
    const path = join(dir, 'main.log');
    const logger = createLogger({ destination: path, level: 'info', maxBytes: 400, keep: 2 });
    for (let n = 0; n < 60; n++) logger.info({ n }, 'tick');
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(400);
    // The newest lines are in the live file, the ones just before in .1; the oldest are gone.
    expect(lines(path).at(-1)).toMatchObject({ n: 59 });
    const previous = lines(`${path}.1`).at(-1)?.n as number;
    expect(previous).toBe((lines(path)[0]?.n as number) - 1);
    expect(lines(`${path}.2`)[0]?.n).toBeGreaterThan(0);
  });

  it('appends to an existing file after a restart, and rotates it when full', () => {
    const path = join(scratch(), 'main.log');
    createLogger({ destination: path, level: 'info', maxBytes: 300, keep: 1 }).info('first run');
    const again = createLogger({ destination: path, level: 'info', maxBytes: 300, keep: 1 });
    again.info('second run');
    expect(lines(path).map((l) => l.msg)).toEqual(['first run', 'second run']);
    for (let n = 0; n < 10; n++) again.info({ n }, 'more');
    expect(existsSync(`${path}.1`)).toBe(true);
    expect(existsSync(`${path}.2`)).toBe(false);
  });

  it('redacts personal fields if a caller ever logs one (the second line of defence)', () => {
    const path = join(scratch(), 'main.log');
    const logger = createLogger({ destination: path, level: 'info' });
    logger.warn({ input: { nationalId: '1080000019' }, nationalId: '2080000018', beneficiary: { firstName: 'نورة', phonePrimary: '0551234567' }, password: 'secret' }, 'oops');
    const text = readFileSync(path, 'utf8');
    for (const value of ['1080000019', '2080000018', 'نورة', '0551234567', 'secret']) expect(text).not.toContain(value);
    expect(text).toContain('[redacted]');
  });
});

describe('what the API logs', () => {
  let s: TestStore | null = null;
  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('logs refusals and failures without the inputs that carried personal data', async () => {
    const dir = scratch();
    const path = join(dir, 'logs', 'host.log');
    const runtime = await openRuntime({ storePath: join(dir, 'mamen.sqlite'), storeKey: TEST_STORE_KEY, appVersion: 'test', logger: createLogger({ destination: path, level: 'debug' }) });
    const admin = new Caller(runtime);
    await admin.call('setup.initialise', {
      associationNameAr: 'جمعية مأمن',
      branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
      admin: { username: 'admin', displayName: 'مدير النظام', password: 'correct horse battery' },
    });
    s = { runtime, admin, dir, close: () => runtime.close() };
    const branchId = (await admin.call('branches.list', {})).branches[0]?.id ?? '';
    const committee = await userOf(s, 'committee', branchId, 'lajnah');
    const person = beneficiaryInput({ firstName: 'شهد', familyName: 'القحطاني', phonePrimary: '0559876543' });
    await admin.call('beneficiaries.register', { beneficiary: person, household: [] });
    // Refused by role (logged as a warning), by validation, and by a duplicate ID.
    expect((await committee.raw('beneficiaries.register', { beneficiary: person, household: [] })).ok).toBe(false);
    expect((await admin.raw('beneficiaries.register', { beneficiary: { ...person, nationalId: '1234567890' }, household: [] })).ok).toBe(false);
    expect((await admin.raw('beneficiaries.register', { beneficiary: person, household: [] })).ok).toBe(false);
    expect((await admin.raw('beneficiaries.search', { query: person.nationalId })).ok).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('call refused: role');
    for (const value of [person.nationalId, '1234567890', 'شهد', 'القحطاني', '0559876543', '+966559876543']) expect(text).not.toContain(value);
  });
});
