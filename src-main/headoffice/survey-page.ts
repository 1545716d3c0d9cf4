import { CSAT_MAX, CSAT_MIN, NPS_MAX, NPS_MIN } from '../../src-shared/domain/survey-scores';

/**
 * The public survey page, served by head office to a phone that scanned a printed slip: Arabic,
 * right to left, large touch targets, no script (a plain form post), no login. The wording is short
 * and speakable, for screen readers and voice assistants.
 */

const FACE_LABELS = ['غير راضٍ أبداً', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جداً'] as const;
const FACE_CURVE = [-10, -5, 0, 6, 11] as const;
const FACE_COLOUR = ['#d4380d', '#fa8c16', '#8c8c8c', '#7cb305', '#389e0d'] as const;

export const SURVEY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"Noto Naskh Arabic","Segoe UI",Tahoma,sans-serif;background:#f3f6f8;color:#1f2a30;font-size:19px;line-height:1.6}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}h1{font-size:26px;margin:8px 0 4px;color:#0e5a6e}
fieldset{border:0;margin:22px 0;padding:0}legend{font-weight:700;margin-bottom:10px;font-size:20px}
.faces{display:grid;grid-template-columns:repeat(5,1fr);gap:8px}.nps{display:grid;grid-template-columns:repeat(6,1fr);gap:8px}
input[type=radio]{position:absolute;opacity:0;width:1px;height:1px}
label.choice{display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:64px;padding:8px 4px;border:2px solid #c9d6dd;border-radius:14px;background:#fff;font-size:15px;text-align:center;cursor:pointer}
.nps label.choice{font-size:22px;font-weight:700}
input[type=radio]:checked+label.choice{border-color:#0e5a6e;background:#e3f1f5;box-shadow:0 0 0 3px #0e5a6e33}
input[type=radio]:focus-visible+label.choice{outline:3px solid #0e5a6e}
.scale{display:flex;justify-content:space-between;font-size:15px;color:#5b6b73;margin-top:6px}
textarea{width:100%;min-height:110px;font:inherit;padding:12px;border:2px solid #c9d6dd;border-radius:14px}
button{width:100%;min-height:60px;font:inherit;font-size:22px;font-weight:700;border:0;border-radius:14px;background:#0e5a6e;color:#fff;margin-top:12px}
.error{background:#fff1f0;border:2px solid #ffa39e;border-radius:12px;padding:10px 14px;margin-top:12px}
.note{color:#5b6b73;font-size:15px}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function face(index: number): string {
  const curve = FACE_CURVE[index] ?? 0;
  const colour = FACE_COLOUR[index] ?? '#8c8c8c';
  return `<svg width="44" height="44" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="29" fill="#fff" stroke="${colour}" stroke-width="4"/><circle cx="22" cy="25" r="4" fill="${colour}"/><circle cx="42" cy="25" r="4" fill="${colour}"/><path d="M18 ${44 - curve / 2} Q32 ${44 + curve} 46 ${44 - curve / 2}" fill="none" stroke="${colour}" stroke-width="4" stroke-linecap="round"/></svg>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export type FormEcho = { csat?: string; nps?: string; comment?: string };

/** The question form; `error` (Arabic) and the values sent come back when an answer was refused. */
export function surveyFormPage(options: { serviceName: string; error: string | null; echo: FormEcho }): string {
  const { echo } = options;
  const faces = Array.from({ length: CSAT_MAX - CSAT_MIN + 1 }, (_, i) => {
    const score = CSAT_MIN + i;
    const checked = echo.csat === String(score) ? ' checked' : '';
    return `<input type="radio" name="csat" id="csat${score}" value="${score}"${checked} required><label class="choice" for="csat${score}">${face(i)}<span>${FACE_LABELS[i]}</span></label>`;
  }).join('');
  const nps = Array.from({ length: NPS_MAX - NPS_MIN + 1 }, (_, i) => {
    const value = NPS_MIN + i;
    const checked = echo.nps === String(value) ? ' checked' : '';
    return `<input type="radio" name="nps" id="nps${value}" value="${value}"${checked}><label class="choice" for="nps${value}" aria-label="${value}">${value}</label>`;
  }).join('');
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    'رأيك يهمّنا',
    `<h1>رأيك يهمّنا</h1><p class="note">عن خدمة «${escapeHtml(options.serviceName)}». ثلاثة أسئلة قصيرة، وإجابتك لتحسين الخدمة فقط.</p>${error}
<form method="post" accept-charset="utf-8">
<fieldset><legend>ما مدى رضاك عن الخدمة التي حصلت عليها؟</legend><div class="faces">${faces}</div></fieldset>
<fieldset><legend>هل تنصح أحداً من معارفك بالجمعية؟ اختر رقماً من صفر إلى عشرة</legend><div class="nps">${nps}</div><div class="scale"><span>صفر: لا أنصح</span><span>عشرة: أنصح بشدة</span></div></fieldset>
<fieldset><legend><label for="comment">هل تود أن تخبرنا بشيء؟ (اختياري)</label></legend><textarea id="comment" name="comment" maxlength="1000">${escapeHtml(echo.comment ?? '')}</textarea></fieldset>
<button type="submit">إرسال</button></form>`,
  );
}

/** A page with one message: thanks, an expired or used link, too many tries. */
export function surveyMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
