import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formFilePath, readFormFile } from '../../src-main/store/signed-forms';
import { beneficiaryInput, setUpStore, userOf, type TestStore } from './support/test-runtime';

/**
 * A signed form through the API as a desk uses it: issued once from the registry's record, stored
 * under its hash, printed and reprinted as the same bytes, corrected by a new form, and checked at
 * the verify screen by code and by file.
 */

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const TAMPERED = 'test-results/forms-tampered';

async function consentFor() {
  const { id } = await s.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
  const form = await s.admin.call('forms.generateConsent', { beneficiaryId: id });
  return { beneficiaryId: id, form };
}

describe('signed forms: stored once, never regenerated', () => {
  it('stores the consent form under its SHA-256 beside the store and records that hash', async () => {
    const { form } = await consentFor();
    const path = formFilePath(s.runtime.store.path, form.sha256);
    expect(path.startsWith(join(dirname(s.runtime.store.path), 'forms', form.sha256.slice(0, 2)))).toBe(true);
    // Sealed with the store key on disk; read back, it is exactly the content its name says.
    expect(readFileSync(path).includes(Buffer.from('%PDF'))).toBe(false);
    expect(sha256(readFormFile(s.runtime.store, form.sha256)!)).toBe(form.sha256);
    const row = s.runtime.store.sqlite.prepare('SELECT data_json, data_hash, kind, code FROM signed_forms WHERE id = ?').get(form.id) as { data_json: string; data_hash: string; kind: string; code: string };
    expect(row.kind).toBe('data_consent');
    expect(createHash('sha256').update(row.data_json).digest('hex')).toBe(row.data_hash);
    expect(JSON.parse(row.data_json)).toMatchObject({ kind: 'data_consent', data: { person: { fullName: 'أحمد عبدالله محمد الحربي' } } });
    expect(row.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('prints and reprints the very same bytes, the reprint recorded as a copy', async () => {
    const { form } = await consentFor();
    const first = await s.admin.call('forms.print', { id: form.id });
    const second = await s.admin.call('forms.print', { id: form.id });
    const saved = await s.admin.call('forms.save', { id: form.id });
    expect(first).toMatchObject({ via: 'browser', copy: false });
    expect(second).toMatchObject({ via: 'browser', copy: true });
    expect(second.file?.pdfBase64).toBe(first.file?.pdfBase64);
    expect(saved.pdfBase64).toBe(first.file?.pdfBase64);
    expect(sha256(Buffer.from(saved.pdfBase64, 'base64'))).toBe(form.sha256);
    const audit = s.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'forms.print' ORDER BY seq").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as { copy: boolean })).toMatchObject([{ copy: false, copyNumber: 1 }, { copy: true, copyNumber: 2 }]);
    expect(audit.every((a) => !a.detail.includes('أحمد'))).toBe(true);
  });

  it('gives back the form already issued when nothing it prints has changed', async () => {
    const { beneficiaryId, form } = await consentFor();
    const again = await s.admin.call('forms.generateConsent', { beneficiaryId });
    expect(again.id).toBe(form.id);
    expect((await s.admin.call('forms.list', { beneficiaryId })).items).toHaveLength(1);
  });

  it('issues a correction as a new form that supersedes the old one', async () => {
    const { beneficiaryId, form } = await consentFor();
    const profile = await s.admin.call('beneficiaries.getForEdit', { id: beneficiaryId });
    await s.admin.call('beneficiaries.update', { id: beneficiaryId, expectedVersion: profile.version, beneficiary: beneficiaryInput({ nationalId: profile.nationalId, firstName: 'أحمدي' }) });
    const corrected = await s.admin.call('forms.generateConsent', { beneficiaryId });
    expect(corrected.id).not.toBe(form.id);
    expect(corrected.supersedesId).toBe(form.id);
    const list = (await s.admin.call('forms.list', { beneficiaryId })).items;
    expect(list.map((f) => [f.id, f.status])).toEqual([[corrected.id, 'current'], [form.id, 'superseded']]);

    const old = await s.admin.call('forms.verifyCode', { verificationCode: form.code });
    expect(old).toMatchObject({ verdict: 'superseded', replacement: { code: corrected.code } });
    expect(await s.admin.call('forms.verifyCode', { verificationCode: corrected.code })).toMatchObject({ verdict: 'genuine', subjectName: 'أحمدي عبدالله محمد الحربي' });
  });
});

describe('signed forms: the verify screen', () => {
  it('accepts the code as printed, typed loosely, or scanned from the QR code', async () => {
    const { form } = await consentFor();
    for (const typed of [form.code, form.code.toLowerCase().replace('-', ''), `mamen://verify/${form.code}`]) {
      expect((await s.admin.call('forms.verifyCode', { verificationCode: typed })).verdict, typed).toBe('genuine');
    }
    expect((await s.admin.call('forms.verifyCode', { verificationCode: 'ZZZZ-ZZZZ' })).verdict).toBe('unknown');
    const bad = await s.admin.raw('forms.verifyCode', { verificationCode: 'hello' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('says genuine for the issued file and altered when one byte changed', async () => {
    const { form } = await consentFor();
    const saved = await s.admin.call('forms.save', { id: form.id });
    const bytes = Buffer.from(saved.pdfBase64, 'base64');
    expect((await s.admin.call('forms.verifyFile', { pdfBase64: saved.pdfBase64 })).verdict).toBe('genuine');

    // Change one digit of the ID number drawn on the page... here, one byte inside the page stream.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('stream') + 200;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    mkdirSync(TAMPERED, { recursive: true });
    writeFileSync(join(TAMPERED, 'consent-one-byte.pdf'), tampered);
    const verdict = await s.admin.call('forms.verifyFile', { pdfBase64: tampered.toString('base64') });
    expect(verdict).toMatchObject({ verdict: 'altered', form: { id: form.id } });

    expect((await s.admin.call('forms.verifyFile', { pdfBase64: Buffer.from('%PDF-1.7 something else').toString('base64') })).verdict).toBe('unknown');
  });

  it('reports the stored copy altered when the file on disk was changed', async () => {
    const { form } = await consentFor();
    const path = formFilePath(s.runtime.store.path, form.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = 0x20;
    writeFileSync(path, bytes);
    expect((await s.admin.call('forms.verifyCode', { verificationCode: form.code })).verdict).toBe('altered');
  });
});

describe('signed forms: who may do what', () => {
  it('keeps another branch’s forms out of a scoped user’s reach', async () => {
    const { form } = await consentFor();
    const branch = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'فرع صبيا', city: 'صبيا' });
    const other = await userOf(s, 'reception', branch.id, 'sabya.desk');
    expect(await other.raw('forms.print', { id: form.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    // They may still check a document someone shows them, without seeing whose it is.
    expect(await other.call('forms.verifyCode', { verificationCode: form.code })).toMatchObject({ verdict: 'genuine', subjectName: null });
  });

  it('refuses the support request form until the applicant has signed', async () => {
    const result = await s.admin.raw('forms.generateSupportRequest', { requestId: '0195f3a2-7c4e-7b21-9a10-3f2b8c9d0e11' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
