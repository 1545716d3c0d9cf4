/**
 * Signed forms: a one-page signed support request (p50/p95 over 200 runs) and a 20-page document,
 * rendered by our pdfkit engine and, in the same run, the same content by headless Chromium's
 * print-to-PDF (launched once, one page reused: setContent + pdf). Prints figures and ratios.
 * Targets (issue 5): faster than warm Chromium, aiming for 3×; never over 150 ms (one page) or 1.5 s (20 pages).
 *
 *   npx tsx bench/forms.bench.ts
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { toString as qrSvg } from 'qrcode';
import { formatGregorian, formatHijri } from '../src-shared/domain/calendar';
import { DATA_CONSENT_CLAUSES } from '../src-shared/domain/data-consent';
import type { Block } from '../src-main/pdf/form-blocks';
import { renderFormPdf } from '../src-main/pdf/form-document';
import { renderForm, verifyLink } from '../src-main/pdf/forms/render-form';
import { associationLogo } from '../src-main/pdf/logo';
import { sampleForms } from '../tests/integration/support/form-samples';
import { ms, timeEach } from './support/stats';

const RUNS = 200;
const LONG_RUNS = 10;
const IDENTITY = { documentNo: '0195f3a2-7c4e-7b21-9a10-3f2b8c9d0e11', verificationCode: 'K7M2-QX9P' };
const request = sampleForms().support_request;
const d = request.data;

/** Paragraphs for the long document: the consent clauses and the policy's steps, over and over. */
const PARAGRAPHS = [
  ...DATA_CONSENT_CLAUSES,
  'التأكد من تقديم المراجع كافة المعلومات المطلوبة، وعلى الموظف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم (الخطوة ٢).',
  'التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين — Research committee, 14 days.',
];
const LONG_COUNT = 306;
const longParagraphs = Array.from({ length: LONG_COUNT }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]}`);
const longBlocks: Block[] = [{ kind: 'title', text: 'سياسة علاقات المستفيدين — نسخة للطباعة' }, ...longParagraphs.map((text): Block => ({ kind: 'paragraph', text }))];

function renderLong(): Promise<Buffer> {
  return renderFormPdf({
    format: 'a4',
    blocks: longBlocks,
    frame: { title: 'سياسة علاقات المستفيدين', associationName: d.associationName, branchName: d.branchName, issuedAt: d.issuedAt, documentNo: IDENTITY.documentNo, verificationCode: IDENTITY.verificationCode, qrText: verifyLink(IDENTITY.verificationCode) },
  });
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
// The fonts come from a cacheable URL, as an installed app or site would serve them: Chromium keeps
// the decoded face between documents (a data: URL would be parsed again for every page).
const FONT_HOST = 'https://fonts.mamen.invalid';
const fontFiles: Record<string, Buffer> = {
  '/Amiri-Regular.ttf': readFileSync('resources/fonts/Amiri-Regular.ttf'),
  '/Amiri-Bold.ttf': readFileSync('resources/fonts/Amiri-Bold.ttf'),
};
const logo = associationLogo().toString('base64');
const qr = await qrSvg(verifyLink(IDENTITY.verificationCode), { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
const dates = `${formatHijri(d.issuedAt, 'ar')} — ${formatGregorian(d.issuedAt, 'ar')}`;

function html(body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face { font-family: Amiri; src: url(${FONT_HOST}/Amiri-Regular.ttf); }
@font-face { font-family: Amiri; font-weight: bold; src: url(${FONT_HOST}/Amiri-Bold.ttf); }
@page { size: A4; margin: 14mm 14mm 30mm; }
body { font-family: Amiri; font-size: 11.5pt; line-height: 1.65; color: #111; margin: 0; }
header { display: flex; justify-content: space-between; border-block-end: 1px solid #8a9aa5; margin-block-end: 8pt; }
header img { inline-size: 48pt; block-size: 48pt; }
h1 { text-align: center; font-size: 17pt; margin: 4pt 0; } h2 { background: #e8eff2; font-size: 11.5pt; padding: 2pt 6pt; margin: 6pt 0; }
table { inline-size: 100%; border-collapse: collapse; } th { background: #e8eff2; inline-size: 92pt; text-align: start; } th, td { border: 0.5pt solid #8a9aa5; padding: 1pt 4pt; font-size: 10.5pt; }
.box { border: 0.8pt solid #8a9aa5; padding: 6pt 10pt; font-weight: bold; font-size: 12pt; }
.sig { display: flex; gap: 14pt; } .sig div { flex: 1; } .sig img { block-size: 60pt; }
footer { display: flex; gap: 10pt; align-items: center; border-block-start: 0.8pt solid #8a9aa5; font-size: 9.5pt; margin-block-start: 12pt; } footer svg { inline-size: 58pt; }
</style></head><body><header><div><b style="font-size:15pt">${escape(d.associationName)}</b><br>الفرع: ${escape(d.branchName)}<br>التاريخ: ${dates}</div><img src="data:image/png;base64,${logo}"></header>${body}
<footer>${qr}<div>صفحة ١ من ١ — رقم المستند: <bdi>${IDENTITY.documentNo}</bdi><br><b>رمز التحقق: <bdi>${IDENTITY.verificationCode}</bdi></b></div></footer></body></html>`;
}

const row = (label: string, value: string) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`;
const supportRequestHtml = html(`<h1>طلب دعم مستفيد</h1><h2>بيانات طالب الدعم</h2><table>${row('اسم طالب الدعم', d.applicant.fullName)}${row('رقم هوية وطنية', d.applicant.idNumber ?? '')}${row('الجوال', d.applicant.phone ?? '')}</table>
<h2>بيانات الطلب</h2><table>${row('رقم الطلب', d.request.reference)}${row('نوع الطلب', d.request.typeName)}${row('اسم السجين', d.request.prisonerName ?? '')}${row('صلة القرابة', d.request.prisonerRelation ?? '')}${row('السجن', d.request.prisonName ?? '')}${row('حالة القضية', d.request.caseStatus ?? '')}${row('الدخل الشهري', `${d.request.monthlyIncome} ريال`)}${row('عدد أفراد الأسرة', String(d.request.householdSize))}${row('السكن', `${d.request.housingType} — الإيجار ${d.request.monthlyRent} ريال`)}</table>
<p>ملخص الحالة: ${escape(d.request.summary ?? '')}</p><h2>المستندات</h2><ul>${d.documents.map((x) => `<li>${escape(x.name)}</li>`).join('')}</ul>
<h2>إقرار طالب الدعم</h2><div class="box">${escape(d.attestation)}</div><p style="font-size:8.5pt">بصمة البيانات الموقّع عليها (SHA-256): <bdi>${d.signature.signedDataHash}</bdi></p>
<div class="sig"><div>توقيع طالب الدعم<br><img src="data:image/png;base64,${d.signature.imagePng}"><br>${escape(d.signature.signerName)}</div><div>موظف الاستقبال<br><br><br>${escape(d.receptionistName)}</div></div>`);
const longHtml = html(`<h1>سياسة علاقات المستفيدين — نسخة للطباعة</h1>${longParagraphs.map((p) => `<p>${escape(p)}</p>`).join('')}`);

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

// Warm-up: fonts parsed, shaped words cached, the way a running app is after its first form.
await renderForm(request, IDENTITY);
const ours = await timeEach(Array.from({ length: RUNS }, () => 0), () => renderForm(request, IDENTITY));
await renderLong();
const oursLong = await timeEach(Array.from({ length: LONG_RUNS }, () => 0), () => renderLong());
const ourPages = pageCount(await renderLong());

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.route(`${FONT_HOST}/**`, (route) =>
  route.fulfill({ status: 200, contentType: 'font/ttf', headers: { 'cache-control': 'public, max-age=31536000', 'access-control-allow-origin': '*' }, body: fontFiles[new URL(route.request().url()).pathname] ?? Buffer.alloc(0) }),
);
const chrome = async (content: string) => {
  await page.setContent(content, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  return page.pdf({ format: 'A4', printBackground: true });
};
await chrome(supportRequestHtml);
const peer = await timeEach(Array.from({ length: RUNS }, () => 0), () => chrome(supportRequestHtml));
await chrome(longHtml);
const peerLong = await timeEach(Array.from({ length: LONG_RUNS }, () => 0), () => chrome(longHtml));
const peerPages = (await chrome(longHtml)).toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
await browser.close();

const verdict = (value: number, limit: number) => (value <= limit ? 'ok' : `OVER ${limit} ms`);
console.log(`one-page signed support request, ${RUNS} runs`);
console.log(`  pdfkit engine   p50 ${ms(ours.p50)}  p95 ${ms(ours.p95)}  (${verdict(ours.p95, 150)})`);
console.log(`  chromium peer   p50 ${ms(peer.p50)}  p95 ${ms(peer.p95)}`);
console.log(`  ratio (chromium / ours, p50): ${(peer.p50 / ours.p50).toFixed(2)}×`);
console.log(`20-page document (${ourPages} pages ours, ${peerPages} pages chromium), ${LONG_RUNS} runs`);
console.log(`  pdfkit engine   p50 ${ms(oursLong.p50)}  p95 ${ms(oursLong.p95)}  (${verdict(oursLong.p95, 1500)})`);
console.log(`  chromium peer   p50 ${ms(peerLong.p50)}  p95 ${ms(peerLong.p95)}`);
console.log(`  ratio (chromium / ours, p50): ${(peerLong.p50 / oursLong.p50).toFixed(2)}×`);
