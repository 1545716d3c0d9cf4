import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationState } from '../../src-main/headoffice/survey-answers';
import { beneficiaryInput } from './support/test-runtime';
import { setUpDesk, startHeadOffice, type HeadOfficeHarness } from './support/sync-harness';

let ho: HeadOfficeHarness;
let desk: Awaited<ReturnType<typeof setUpDesk>>;
let beneficiaryId = '';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

function post(url: string, fields: Record<string, string>) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
}

beforeAll(async () => {
  ho = await startHeadOffice('sqlite');
  desk = await setUpDesk('JZN');
  beneficiaryId = (await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput() })).id;
});
afterAll(async () => {
  await desk.close();
  await ho.close();
});

describe('printed QR survey invitations', () => {
  it('refuses to print a slip before the desk is enrolled with head office, writing nothing', async () => {
    const refused = await desk.admin.raw('surveys.invite', { service: 'delivery', beneficiaryId });
    expect(refused).toMatchObject({ ok: false, error: { messageKey: 'error.surveyNeedsHeadOffice' } });
    if (!refused.ok) expect(refused.error.message.ar).toContain('المقر الرئيسي');
    expect(await desk.runtime.store.db.selectFrom('survey_invitations').selectAll().execute()).toHaveLength(0);
  });

  it('prints a one-time slip whose QR address holds only a random token, kept at the desk as its hash', async () => {
    await desk.admin.call('sync.enrol', { serverUrl: ho.url, code: await ho.newCode(desk.branchId) });
    const slip = await desk.admin.call('surveys.invite', { service: 'delivery', beneficiaryId });
    expect(slip.url.startsWith(`${ho.url}/s/`)).toBe(true);
    const token = tokenOf(slip.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(slip.file.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const rows = await desk.runtime.store.db.selectFrom('survey_invitations').selectAll().execute();
    expect(rows.map((r) => [r.token_hash, r.service, r.beneficiary_id])).toEqual([[sha256(token), 'delivery', beneficiaryId]]);
    const logged = await desk.runtime.store.db.selectFrom('change_log').select('fields').execute();
    expect(logged.some((r) => r.fields.includes(token))).toBe(false);
    const audit = await desk.runtime.store.db.selectFrom('audit_log').select('detail').where('action', '=', 'surveys.invite').execute();
    expect(audit.some((r) => (r.detail ?? '').includes(token))).toBe(false);
  });

  it('serves the page once the invitation has travelled, stores a low score at head office with its follow-up, once', async () => {
    const slip = await desk.admin.call('surveys.invite', { service: 'delivery', beneficiaryId });
    const before = await fetch(slip.url);
    expect(before.status).toBe(404);
    await desk.admin.call('sync.now', {});

    const page = await fetch(slip.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('تسليم خدمة');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const outOfRange = await post(slip.url, { csat: '9', nps: '4' });
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.text()).toContain('اختر وجهاً');
    expect(await ho.store.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);

    const answered = await post(slip.url, { csat: '2', nps: '4', comment: 'تأخر التسليم' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('سيتواصل معك أحد المشرفين');
    const stored = await ho.store.db.selectFrom('survey_responses').selectAll().execute();
    expect(stored.map((r) => [r.channel, r.csat, r.nps, r.comment, r.beneficiary_id, r.branch_id])).toEqual([['qr', 2, 4, 'تأخر التسليم', beneficiaryId, desk.branchId]]);
    expect(await ho.store.db.selectFrom('survey_follow_ups').select('response_id').execute()).toEqual([{ response_id: stored[0]!.id }]);

    const again = await post(slip.url, { csat: '5' });
    expect(again.status).toBe(409);
    expect((await fetch(slip.url)).status).toBe(409);
    expect(await ho.store.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(1);
  });

  it('brings the answer back to the branch: results by channel, the supervisor’s follow-up and the timeline', async () => {
    await desk.admin.call('sync.now', {});
    const results = await desk.admin.call('surveys.results', { from: null, to: null });
    expect(results.byChannel.map((g) => [g.key, g.responses, g.csatAverage])).toEqual([['qr', 1, 2]]);
    const followUps = await desk.admin.call('surveys.followUps', { status: 'open' });
    expect(followUps.items.map((f) => [f.channel, f.csat, f.beneficiaryId])).toEqual([['qr', 2, beneficiaryId]]);
    const { events } = await desk.admin.call('timeline.forBeneficiary', { beneficiaryId });
    expect(events.map((e) => e.kind)).toContain('survey');
  });

  it('stops accepting an answer when the invitation has expired', async () => {
    const slip = await desk.admin.call('surveys.invite', { service: 'reception_visit', beneficiaryId: null });
    await desk.admin.call('sync.now', {});
    const token = tokenOf(slip.url);
    expect(await invitationState(ho.store.db, token, new Date())).toBe('open');
    expect(await invitationState(ho.store.db, token, new Date(Date.parse(slip.expiresAt) + 1000))).toBe('expired');
  });

  it('turns away an address that asks too often, and a malformed token without reading the store', async () => {
    expect((await fetch(`${ho.url}/s/not-a-token`)).status).toBe(404);
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await fetch(`${ho.url}/s/AAAAAAAAAAAAAAAAAAAAAA`)).status;
    expect(last).toBe(429);
  });
});
