import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../src-shared/contract/requests';
import { setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';
import { b64, jpegBytes, pdfBytes, signaturePng } from './support/interview-fixtures';

let s: TestStore;
let desk: Caller;

beforeAll(async () => {
  s = await setUpStore();
  const { branches } = await s.admin.call('branches.list', {});
  desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
});
afterAll(async () => s.close());

const rows = () => (s.runtime.store.sqlite.prepare("SELECT count(*) AS n FROM attachments").get() as { n: number }).n;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('attachments, content-addressed', () => {
  it('stores each content once, sealed, under attachments/ab/cdef… beside the store file', async () => {
    const bytes = pdfBytes('family register scan');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const first = await desk.call('attachments.upload', { contentBase64: b64(bytes) });
    const second = await desk.call('attachments.upload', { contentBase64: b64(bytes) });
    expect(first).toMatchObject({ sha256: sha, mimeType: 'application/pdf', sizeBytes: bytes.length, deduplicated: false });
    expect(second).toMatchObject({ id: first.id, deduplicated: true });
    const path = join(s.dir, 'attachments', sha.slice(0, 2), sha.slice(2));
    // Encrypted at rest: the file on disk holds none of the plaintext, yet the API serves the original bytes.
    const onDisk = readFileSync(path);
    expect(onDisk.includes(Buffer.from('family register scan'))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(filesUnder(join(s.dir, 'attachments')).filter((f) => f.includes(sha.slice(2)))).toHaveLength(1);
    expect((await desk.call('attachments.get', { id: first.id })).contentBase64).toBe(b64(bytes));
  });

  it('tells the type by magic bytes: PDF, PNG and JPEG', async () => {
    expect((await desk.call('attachments.upload', { contentBase64: b64(jpegBytes()) })).mimeType).toBe('image/jpeg');
    expect((await desk.call('attachments.upload', { contentBase64: b64(signaturePng(true)) })).mimeType).toBe('image/png');
  });

  it('refuses an unsupported type, even named .pdf, in Arabic, storing nothing', async () => {
    const before = rows();
    const files = filesUnder(join(s.dir, 'attachments')).length;
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const result = await desk.raw('attachments.upload', { contentBase64: b64(gif) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.messageKey).toBe('error.attachmentType');
      expect(result.error.message.ar).toContain('PDF و PNG و JPEG');
    }
    const exe = await desk.raw('attachments.upload', { contentBase64: b64(Buffer.from('MZ\x90\x00 not a pdf', 'latin1')) });
    expect(exe.ok).toBe(false);
    expect(rows()).toBe(before);
    expect(filesUnder(join(s.dir, 'attachments'))).toHaveLength(files);
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const before = rows();
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const result = await desk.raw('attachments.upload', { contentBase64: b64(big) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.messageKey).toBe('error.attachmentTooLarge');
      expect(result.error.message.ar).toContain('8 ميغابايت');
    }
    expect(rows()).toBe(before);
  });

  it('refuses text that is not base64', async () => {
    const result = await desk.raw('attachments.upload', { contentBase64: 'this is not base64!' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });
});
