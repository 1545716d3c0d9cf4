/**
 * The head-office review page (GET /admin/reviews/page): the cross-branch duplicates found at head
 * office, both records by name and branch, their state, and the two decisions (merge into the first
 * record, or distinct). Plain HTML over the token-checked JSON endpoints; Arabic, right to left.
 */

import { PAGE_STYLE } from './page-style';

export const REVIEWS_HTML = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>مراجعة التكرار بين الفروع — المقر الرئيسي</title>
<style>
${PAGE_STYLE}
  button { margin-inline-end: 6px; }
  button.secondary { background: #5b6b66; }
</style>
</head>
<body>
<header><h1>مراجعة التكرار بين الفروع</h1></header>
<main>
  <section>
    <label for="token">رمز المسؤول (من إعدادات الخادم)</label>
    <input id="token" type="password" autocomplete="off" data-testid="reviews-token">
    <button id="load" data-testid="reviews-load">عرض البنود</button>
    <p id="message" class="error" role="alert"></p>
  </section>
  <section>
    <h2>بنود المراجعة</h2>
    <table data-testid="reviews-table">
      <thead><tr><th>السجل الأول</th><th>السجل الثاني</th><th>السبب</th><th>الحالة</th><th></th></tr></thead>
      <tbody id="reviews"></tbody>
    </table>
  </section>
</main>
<script src="/admin/reviews.js"></script>
</body>
</html>
`;

export const REVIEWS_JS = `'use strict';
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
tokenInput.value = sessionStorage.getItem('mamen-admin-token') || '';
const reasons = { same_national_id: 'رقم الهوية نفسه', high_score: 'تشابه عالٍ' };
const states = { open: 'بانتظار القرار', merged: 'دُمجا', distinct: 'شخصان مختلفان' };
const errors = { unauthenticated: 'رمز المسؤول غير صحيح.', already_resolved: 'تم البت في هذا البند من قبل.' };

async function api(method, path, body) {
  sessionStorage.setItem('mamen-admin-token', tokenInput.value);
  const response = await fetch(path, {
    method,
    headers: Object.assign({ authorization: 'Bearer ' + tokenInput.value }, body ? { 'content-type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(errors[data.error] || 'تعذّر تنفيذ الطلب.');
  return data;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function person(p) {
  return (p.name || '—') + ' — ' + (p.branchName || '—');
}

async function load() {
  $('message').textContent = '';
  try {
    const { reviews } = await api('GET', '/admin/reviews');
    const body = $('reviews');
    body.replaceChildren();
    for (const r of reviews) {
      const tr = document.createElement('tr');
      tr.append(cell(person(r.records[0])), cell(person(r.records[1])), cell(reasons[r.reason] || r.reason), cell(states[r.state] || r.state));
      const actions = document.createElement('td');
      if (r.state === 'open') {
        const merge = document.createElement('button');
        merge.textContent = 'ادمج في السجل الأول';
        merge.addEventListener('click', () => decide(r.id, { decision: 'merge', survivorId: r.records[0].id, aliasFields: [] }));
        const distinct = document.createElement('button');
        distinct.className = 'secondary';
        distinct.textContent = 'شخصان مختلفان';
        distinct.addEventListener('click', () => decide(r.id, { decision: 'distinct' }));
        actions.append(merge, distinct);
      }
      tr.append(actions);
      body.append(tr);
    }
  } catch (error) {
    $('message').textContent = error.message;
  }
}

async function decide(id, body) {
  try {
    await api('POST', '/admin/reviews/' + id + '/resolve', body);
  } catch (error) {
    $('message').textContent = error.message;
  }
  await load();
}

$('load').addEventListener('click', load);
if (tokenInput.value) load();
`;
