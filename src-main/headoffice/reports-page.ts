/**
 * The association's report page at head office (GET /admin/reports): choose a Hijri month (or a
 * Gregorian one) and a branch or all of them, see the headline figures, and download the monthly
 * board report (PDF) and the workbook (XLSX). Same admin token as /admin, kept for this tab only.
 */

import { PAGE_STYLE } from './page-style';

export const REPORTS_HTML = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تقرير الجمعية — المقر الرئيسي</title>
<style>
${PAGE_STYLE}
  header { display: flex; gap: 24px; align-items: center; }
  label { display: inline-block; margin-inline-end: 16px; }
  button { margin-inline-end: 8px; }
  td.n { font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<header><h1>تقرير الجمعية الشهري</h1><a href="/admin">إدارة المزامنة</a></header>
<main>
  <section>
    <label>رمز المسؤول <input id="token" type="password" autocomplete="off" data-testid="reports-token"></label>
    <label>نوع الشهر <select id="kind" data-testid="reports-kind"><option value="hijri_month">هجري</option><option value="gregorian_month">ميلادي</option></select></label>
    <label>السنة <input id="year" type="number" min="1300" max="2200" size="6" data-testid="reports-year"></label>
    <label>الشهر <select id="month" data-testid="reports-month"></select></label>
    <label>الفرع <select id="branch" data-testid="reports-branch"><option value="">جميع الفروع</option></select></label>
    <p>
      <button id="show" data-testid="reports-show">عرض الأرقام</button>
      <button id="pdf" data-testid="reports-pdf">تنزيل التقرير (PDF)</button>
      <button id="xlsx" data-testid="reports-xlsx">تنزيل الجداول (Excel)</button>
    </p>
    <p id="message" class="error" role="alert"></p>
  </section>
  <section>
    <h2 id="heading">الأرقام الرئيسية</h2>
    <table><tbody id="figures" data-testid="reports-figures"></tbody></table>
  </section>
</main>
<script src="/admin/reports.js"></script>
</body>
</html>
`;

export const REPORTS_JS = `'use strict';
const $ = (id) => document.getElementById(id);
const HIJRI = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
const GREGORIAN = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
$('token').value = sessionStorage.getItem('mamen-admin-token') || '';

function today(kind) {
  const calendar = kind === 'hijri_month' ? 'islamic-umalqura' : 'gregory';
  const parts = new Intl.DateTimeFormat('en-u-ca-' + calendar + '-nu-latn', { timeZone: 'Asia/Riyadh', year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  return { year: Number(parts.find((p) => p.type === 'year').value.replace(/\\D/g, '')), month: Number(parts.find((p) => p.type === 'month').value) };
}
function months() {
  const names = $('kind').value === 'hijri_month' ? HIJRI : GREGORIAN;
  const now = today($('kind').value);
  $('month').replaceChildren(...names.map((name, i) => new Option(name, String(i + 1))));
  $('month').value = String(now.month);
  $('year').value = String(now.year);
}
function query() {
  const q = new URLSearchParams({ kind: $('kind').value, year: $('year').value, month: $('month').value });
  if ($('branch').value) q.set('branchId', $('branch').value);
  return q.toString();
}
async function get(path) {
  sessionStorage.setItem('mamen-admin-token', $('token').value);
  const response = await fetch(path, { headers: { authorization: 'Bearer ' + $('token').value } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || (response.status === 401 ? 'رمز المسؤول غير صحيح.' : 'تعذّر إعداد التقرير.'));
  }
  $('message').textContent = '';
  return response;
}
function show(error) { $('message').textContent = error.message; }
async function branches() {
  const { branches } = await (await get('/admin/branches')).json();
  $('branch').replaceChildren(new Option('جميع الفروع', ''), ...branches.map((b) => new Option(b.name_ar + ' (' + b.code + ')', b.id)));
}
function row(label, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th'); th.textContent = label;
  const td = document.createElement('td'); td.className = 'n'; td.textContent = value === null || value === undefined ? '—' : String(value);
  tr.append(th, td);
  return tr;
}
async function figures() {
  const d = await (await get('/admin/reports/dashboard?' + query())).json();
  $('heading').textContent = d.branch.name + ' — ' + d.period.label + ' (' + d.period.gregorianLabel + ')';
  $('figures').replaceChildren(
    row('التذاكر', d.tickets.total), row('التذاكر المخدومة', d.tickets.served), row('المستفيدون الجدد', d.headline.newBeneficiaries),
    row('طلبات الدعم', d.requests.total), row('قرارات اللجنة', d.decisions.total), row('القرارات خلال 14 يومًا (٪)', d.decisions.withinClockPercent),
    row('الطلبات المتأخرة', d.overdue.count), row('التسليمات', d.deliveries.count), row('مبالغ التسليمات (ريال)', d.deliveries.amount),
    row('متوسط الرضا', d.satisfaction.overall.csatAverage), row('التواصل', d.contacts.total), row('الشكاوى المفتوحة', d.complaints.opened), row('الشكاوى المغلقة', d.complaints.closed),
  );
}
async function download(path, name) {
  const blob = await (await get(path + '?' + query())).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
$('kind').onchange = months;
$('show').onclick = () => figures().catch(show);
$('pdf').onclick = () => download('/admin/reports/monthly.pdf', 'monthly-report.pdf').catch(show);
$('xlsx').onclick = () => download('/admin/reports/export.xlsx', 'monthly-report.xlsx').catch(show);
months();
if ($('token').value) branches().catch(show);
$('token').onchange = () => branches().catch(show);
`;
