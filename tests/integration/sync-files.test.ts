import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFile, type ContentPlace } from '../../src-main/store/content-files';
import { syncFiles } from '../../src-main/sync/file-transfer';
import { SyncServer } from '../../src-main/sync/server-client';
import { b64 } from './support/interview-fixtures';
import { beneficiaryInput } from './support/test-runtime';
import { HeadOfficeWriter } from '../../src-main/headoffice/head-office-writes';
import { readEnrolment } from '../../src-main/store/sync-state';
import { DIALECTS, firstDesk, nextDesk, setUpDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/** A scanned document big enough to be cut in the middle (a PDF by its magic bytes). */
function scan(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), randomBytes(600_000), Buffer.from('\n%%EOF\n', 'latin1')]);
}
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const placeOf = (desk: Desk): ContentPlace => ({ path: desk.runtime.store.path, key: desk.runtime.store.key });
const moveFiles = (desk: Desk, server = desk.server) => syncFiles(desk.runtime.store.db, server, placeOf(desk), desk.enrolment.branchId, () => new Date());

/**
 * A loopback proxy in front of head office that spoils the first file download passing through it:
 * `cut` sends half the body and drops the connection, `flip` changes a byte.
 */
async function spoilingProxy(target: string, mode: 'cut' | 'flip'): Promise<{ url: string; ranges: string[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const ranges: string[] = [];
  let spoiled = false;
  const server: Server = createServer((req, res) => {
    const file = req.method === 'GET' && req.url?.startsWith('/sync/files/');
    if (file) ranges.push(String(req.headers.range ?? ''));
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!file || spoiled || body.length === 0) return void res.end(body);
        spoiled = true;
        if (mode === 'flip') {
          body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0xff;
          return void res.end(body);
        }
        res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      });
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ranges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Sends the first `sent` bytes of a PUT announced as the whole file, then drops the connection. */
async function cutUpload(desk: Desk, hash: string, bytes: Buffer, sent: number): Promise<void> {
  const url = new URL(`${desk.enrolment.serverUrl}/sync/files/${hash}`);
  await new Promise<void>((resolve) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname, method: 'PUT',
      headers: { ...desk.server.headers(), 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`, 'content-length': String(bytes.length) },
    });
    req.on('error', () => resolve());
    req.write(bytes.subarray(0, sent), () => setTimeout(() => { req.destroy(); resolve(); }, 100));
  });
  await new Promise((r) => setTimeout(r, 100));
}

async function head(desk: Desk, hash: string): Promise<{ status: number; received: string | null }> {
  const response = await fetch(`${desk.enrolment.serverUrl}/sync/files/${hash}`, { method: 'HEAD', headers: desk.server.headers() });
  return { status: response.status, received: response.headers.get('x-mamen-received') };
}

describe.each(DIALECTS)('content files between desks and head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  const closers: Array<() => Promise<void>> = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  /** A desk that attached a scan and synced its rows; another desk of its branch that pulled them. */
  async function attached(): Promise<{ a: Desk; b: Desk; bytes: Buffer; hash: string }> {
    const a = await firstDesk(ho, 'JZN');
    desks.push(a);
    const bytes = scan();
    const { sha256 } = await a.admin.call('attachments.upload', { contentBase64: b64(bytes) });
    await a.sync();
    const b = await nextDesk(ho, a.enrolment.branchId);
    desks.push(b);
    await b.sync();
    return { a, b, bytes, hash: sha256 };
  }

  it('uploads a new attachment after its row and gives it, verified, to another desk of the branch', async () => {
    const { a, b, bytes, hash } = await attached();
    expect(readContentFile(placeOf(b), 'attachments', hash)).toBeNull();
    expect(await moveFiles(a)).toEqual({ uploaded: 1, downloaded: 0, failed: 0 });
    expect((await head(a, hash)).status).toBe(200);
    expect(await moveFiles(b)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    expect(readContentFile(placeOf(b), 'attachments', hash)?.equals(bytes)).toBe(true);
    // Moved once: the next runs find nothing left to move.
    expect(await moveFiles(a)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
    expect(await moveFiles(b)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
  });

  it('moves a desk’s new files on "sync now", after the rows that name them', async () => {
    const desk = await setUpDesk('JZN');
    closers.push(desk.close);
    await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
    const { sha256 } = await desk.admin.call('attachments.upload', { contentBase64: b64(scan()) });
    expect((await desk.admin.call('sync.now', {})).state).toBe('synced');
    const enrolment = await readEnrolment(desk.runtime.store.db);
    const server = new SyncServer(ho.url, enrolment?.credential ?? '', desk.runtime.store.schemaVersion);
    const response = await fetch(`${ho.url}/sync/files/${sha256}`, { method: 'HEAD', headers: server.headers() });
    expect(response.status).toBe(200);
  });

  it('resumes an upload cut half-way from the length head office received, and keeps the whole file', async () => {
    const { a, b, bytes, hash } = await attached();
    await cutUpload(a, hash, bytes, 250_000);
    const partial = await head(a, hash);
    expect(partial.status).toBe(404);
    expect(Number(partial.received)).toBeGreaterThan(0);
    expect(Number(partial.received)).toBeLessThan(bytes.length);
    expect(await moveFiles(a)).toEqual({ uploaded: 1, downloaded: 0, failed: 0 });
    await moveFiles(b);
    expect(readContentFile(placeOf(b), 'attachments', hash)?.equals(bytes)).toBe(true);
  });

  it('resumes a download cut half-way with a range request', async () => {
    const { a, b, bytes, hash } = await attached();
    await moveFiles(a);
    const proxy = await spoilingProxy(ho.url, 'cut');
    closers.push(proxy.close);
    const viaProxy = new SyncServer(proxy.url, b.enrolment.credential, b.runtime.store.schemaVersion);
    expect(await moveFiles(b, viaProxy)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    expect(proxy.ranges[0]).toBe('');
    expect(proxy.ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(proxy.ranges[1] ?? '')?.[0])).toBeGreaterThan(0);
    expect(readContentFile(placeOf(b), 'attachments', hash)?.equals(bytes)).toBe(true);
  });

  it('never shelves a download whose bytes do not match their hash, and fetches it again next run', async () => {
    const { a, b, bytes, hash } = await attached();
    await moveFiles(a);
    const proxy = await spoilingProxy(ho.url, 'flip');
    closers.push(proxy.close);
    const viaProxy = new SyncServer(proxy.url, b.enrolment.credential, b.runtime.store.schemaVersion);
    expect(await moveFiles(b, viaProxy)).toEqual({ uploaded: 0, downloaded: 0, failed: 1 });
    expect(readContentFile(placeOf(b), 'attachments', hash)).toBeNull();
    expect(await moveFiles(b, viaProxy)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    expect(readContentFile(placeOf(b), 'attachments', hash)?.equals(bytes)).toBe(true);
  });

  it('refuses an upload whose bytes are not the content its hash names, keeping nothing of it', async () => {
    const { a, hash } = await attached();
    const wrong = scan();
    const response = await fetch(`${ho.url}/sync/files/${hash}`, {
      method: 'PUT', body: wrong,
      headers: { ...a.server.headers(), 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${wrong.length - 1}/${wrong.length}` },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'file_corrupt' });
    expect(await head(a, hash)).toEqual({ status: 404, received: '0' });
    // A body longer than the file it announces is refused as it streams, and nothing of it is kept.
    const overlong = await fetch(`${ho.url}/sync/files/${hash}`, {
      method: 'PUT', body: Buffer.concat([wrong, wrong]),
      headers: { ...a.server.headers(), 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${wrong.length - 1}/${wrong.length}` },
    });
    expect(overlong.status).toBe(422);
    expect(await head(a, hash)).toEqual({ status: 404, received: '0' });
  });

  it('lets a desk of another branch neither fetch nor upload a file only this branch’s rows name', async () => {
    const { a, hash } = await attached();
    await moveFiles(a);
    const other = await firstDesk(ho, 'SBY');
    desks.push(other);
    expect((await head(other, hash)).status).toBe(403);
    const get = await fetch(`${ho.url}/sync/files/${hash}`, { headers: other.server.headers() });
    expect(get.status).toBe(403);
    const own = scan();
    const put = await fetch(`${ho.url}/sync/files/${sha(own)}`, {
      method: 'PUT', body: own,
      headers: { ...other.server.headers(), 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${own.length - 1}/${own.length}` },
    });
    expect(put.status).toBe(403);
    const anonymous = await fetch(`${ho.url}/sync/files/${hash}`);
    expect(anonymous.status).toBe(401);
  });
});

describe.each(DIALECTS)('content files of a beneficiary shared between branches on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  /**
   * JZN registers a person, issues their consent form and attaches a scan, and moves the files; SBY
   * registers the same citizen, so head office shares each record with the other branch (a review item).
   */
  async function sharedPerson() {
    const jzn = await firstDesk(ho, 'JZN');
    const sby = await firstDesk(ho, 'SBY');
    desks.push(jzn, sby);
    const person = beneficiaryInput({ phonePrimary: '0551112223' });
    const { id } = await jzn.admin.call('beneficiaries.register', { beneficiary: person });
    const form = await jzn.admin.call('forms.generateConsent', { beneficiaryId: id });
    const attachment = await jzn.admin.call('attachments.upload', { contentBase64: b64(scan()) });
    await jzn.sync();
    expect(await moveFiles(jzn)).toEqual({ uploaded: 2, downloaded: 0, failed: 0 });
    await sby.admin.call('beneficiaries.register', { beneficiary: { ...person, phonePrimary: '0559998887' } });
    await sby.sync();
    await jzn.sync();
    await sby.sync();
    return { jzn, sby, id, form, attachment };
  }

  const status = async (desk: Desk, hash: string) => ({
    head: (await head(desk, hash)).status,
    get: (await fetch(`${ho.url}/sync/files/${hash}`, { headers: desk.server.headers() })).status,
  });

  it('gives the branch the shared person and none of the other branch’s rows about them, nor their files', async () => {
    const { sby, id, form, attachment } = await sharedPerson();
    const db = sby.runtime.store.db;
    // What SBY's desks pull of JZN's person: the record itself (and the review), no form, no scan.
    expect((await db.selectFrom('beneficiaries').select('id').where('id', '=', id).execute())).toEqual([{ id }]);
    expect(await db.selectFrom('beneficiary_shares').select('beneficiary_id').where('branch_id', '=', sby.enrolment.branchId).execute()).toEqual([{ beneficiary_id: id }]);
    expect(await db.selectFrom('signed_forms').select('id').where('id', '=', form.id).execute()).toEqual([]);
    expect(await db.selectFrom('attachments').select('id').where('id', '=', attachment.id).execute()).toEqual([]);
    expect(await status(sby, form.sha256)).toEqual({ head: 403, get: 403 });
    expect(await status(sby, attachment.sha256)).toEqual({ head: 403, get: 403 });
    expect(await moveFiles(sby)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
  });

  it('fetches, verified, a shared person’s form once its branch may pull the form, and refuses a branch with no share', async () => {
    const { jzn, sby, form, attachment } = await sharedPerson();
    const bytes = readContentFile(placeOf(jzn), 'forms', form.sha256, '.pdf');
    expect(bytes).not.toBeNull();
    // Head office gives SBY the form's row as it gives a shared record: its logged history, copied to SBY.
    await ho.store.db.transaction().execute(async (tx) => {
      await new HeadOfficeWriter(tx, new Map(), new Date().toISOString()).copyHistory('signed_forms', form.id, sby.enrolment.branchId);
    });
    expect(await status(sby, form.sha256)).toEqual({ head: 200, get: 200 });
    await sby.sync();
    expect(await sby.runtime.store.db.selectFrom('signed_forms').select('id').where('id', '=', form.id).execute()).toEqual([{ id: form.id }]);
    expect(await moveFiles(sby)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    expect(readContentFile(placeOf(sby), 'forms', form.sha256, '.pdf')?.equals(bytes!)).toBe(true);
    // The scan stays JZN's: no row SBY pulls names it.
    expect(await status(sby, attachment.sha256)).toEqual({ head: 403, get: 403 });

    const abh = await firstDesk(ho, 'ABH');
    desks.push(abh);
    await abh.sync();
    expect(await status(abh, form.sha256)).toEqual({ head: 403, get: 403 });
    expect(await status(abh, attachment.sha256)).toEqual({ head: 403, get: 403 });
    expect(await moveFiles(abh)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
  });
});
