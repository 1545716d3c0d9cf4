/**
 * The head-office admin page (GET /admin): enrol devices (a one-time code per device and branch),
 * revoke them, and see each device's last push, last pull, lag and last error. Plain HTML and a small
 * script over the JSON admin endpoints; the admin token is typed in and kept for this tab only.
 * Arabic, right to left; no personal data is shown (devices and branches only).
 */

import { PAGE_STYLE } from './page-style';

export const ADMIN_HTML = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>إدارة المزامنة — المقر الرئيسي</title>
<style>
${PAGE_STYLE}
  label { display: block; margin-block: 8px 4px; }
  button { margin-block-start: 12px; }
  .ltr { direction: ltr; unicode-bidi: isolate; font-family: monospace; }
  .code { font-size: 22px; letter-spacing: 2px; }
  td button { white-space: nowrap; margin: 0; }
</style>
</head>
<body>
<header><h1>إدارة المزامنة — المقر الرئيسي</h1> <a href="/admin/reports">تقرير الجمعية الشهري</a> <a href="/admin/reviews/page">مراجعة التكرار بين الفروع</a></header>
<main>
  <section>
    <h2>رمز الدخول الإداري</h2>
    <label for="token">رمز المسؤول (من إعدادات الخادم)</label>
    <input id="token" type="password" autocomplete="off" data-testid="admin-token">
    <button id="load" data-testid="admin-load">عرض الأجهزة</button>
    <p id="message" class="error" role="alert"></p>
  </section>
  <section>
    <h2>تسجيل جهاز جديد</h2>
    <label for="branch">الفرع</label>
    <select id="branch" data-testid="admin-branch"></select>
    <label for="branch-id">أو معرّف الفرع (لفرع لم يتزامن بعد)</label>
    <input id="branch-id" class="ltr" size="40" data-testid="admin-branch-id">
    <label for="name">اسم الجهاز</label>
    <input id="name" data-testid="admin-device-name">
    <button id="create" data-testid="admin-create">أصدر رمز تسجيل</button>
    <p>رمز التسجيل (لمرة واحدة، صالح سبعة أيام): <span id="code" class="ltr code" data-testid="admin-code"></span></p>
  </section>
  <section>
    <h2>الأجهزة</h2>
    <table data-testid="admin-devices">
      <thead><tr><th>الجهاز</th><th>الفرع</th><th>سُجّل</th><th>آخر إرسال</th><th>آخر استقبال</th><th>التأخر</th><th>آخر خطأ</th><th>الحالة</th><th></th></tr></thead>
      <tbody id="devices"></tbody>
    </table>
  </section>
</main>
<script src="/admin/admin.js"></script>
</body>
</html>
`;

export const ADMIN_JS = `'use strict';
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
tokenInput.value = sessionStorage.getItem('mamen-admin-token') || '';
const when = (iso) => (iso ? new Date(iso).toLocaleString('ar-SA-u-nu-latn', { dateStyle: 'short', timeStyle: 'short' }) : '—');
const messages = { unauthenticated: 'رمز المسؤول غير صحيح.', invalid_batch: 'تحقق من الفرع واسم الجهاز.' };

async function api(method, path, body) {
  sessionStorage.setItem('mamen-admin-token', tokenInput.value);
  const response = await fetch(path, {
    method,
    headers: Object.assign({ authorization: 'Bearer ' + tokenInput.value }, body ? { 'content-type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(messages[data.error] || 'تعذّر تنفيذ الطلب.');
  $('message').textContent = '';
  return data;
}

function cell(row, text, ltr) {
  const td = document.createElement('td');
  td.textContent = text;
  if (ltr) td.className = 'ltr';
  row.appendChild(td);
}

async function load() {
  try {
    const { branches } = await api('GET', '/admin/branches');
    const names = new Map(branches.map((b) => [b.id, b.name_ar + ' (' + b.code + ')']));
    $('branch').replaceChildren(...branches.map((b) => new Option(names.get(b.id), b.id)));
    const { devices } = await api('GET', '/admin/devices');
    $('devices').replaceChildren(...devices.map((d) => {
      const row = document.createElement('tr');
      cell(row, d.name);
      cell(row, names.get(d.branch_id) || d.branch_id, !names.has(d.branch_id));
      cell(row, when(d.enrolled_at));
      cell(row, when(d.last_push_at));
      cell(row, when(d.last_pull_at));
      cell(row, String(d.lag));
      cell(row, d.last_error || '—', Boolean(d.last_error));
      cell(row, d.revoked_at ? 'أُلغي' : d.enrolled_at ? 'فعّال' : 'بانتظار التسجيل');
      const actions = document.createElement('td');
      if (!d.revoked_at) {
        const revoke = document.createElement('button');
        revoke.textContent = 'إلغاء التسجيل';
        revoke.dataset.testid = 'admin-revoke';
        revoke.onclick = async () => {
          if (!confirm('إلغاء تسجيل هذا الجهاز؟ لن يستطيع المزامنة بعد ذلك.')) return;
          await api('POST', '/admin/devices/' + d.id + '/revoke').catch(show);
          await load();
        };
        actions.appendChild(revoke);
      }
      row.appendChild(actions);
      return row;
    }));
  } catch (error) { show(error); }
}

function show(error) { $('message').textContent = error.message; }

$('load').onclick = load;
$('create').onclick = async () => {
  try {
    const branchId = $('branch-id').value.trim() || $('branch').value;
    const created = await api('POST', '/admin/devices', { branchId, name: $('name').value });
    $('code').textContent = created.code;
    await load();
  } catch (error) { show(error); }
};
if (tokenInput.value) load();
`;
