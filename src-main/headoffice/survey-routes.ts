import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reportLabel } from '../../src-shared/domain/report-labels';
import { SURVEY_TOKEN_PATTERN } from '../../src-shared/domain/survey-invitations';
import { CSAT_MAX, CSAT_MIN, NPS_MAX, NPS_MIN } from '../../src-shared/domain/survey-scores';
import type { ColumnCatalog } from '../store/change-apply';
import { sha256Hex } from '../store/content-files';
import { answerInvitation, invitationState, type InvitationState, type SurveyAnswer } from './survey-answers';
import { SURVEY_PAGE_CSP, surveyFormPage, surveyMessagePage, type FormEcho } from './survey-page';
import type { HeadOfficeStore } from './store';

/**
 * The public survey page at /s/<token>: no login, so every request is counted per address (a fixed
 * window) and refused past the limit; a token that does not have the right shape never reaches the
 * store. The form posts back to the same address.
 */

export const SURVEY_RATE_LIMIT = { windowMs: 10 * 60_000, requests: 30 } as const;
const MAX_TRACKED_ADDRESSES = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: { windowMs: number; requests: number }) {}

  /** Counts one request from `key`; false once the window's allowance is spent. */
  allow(key: string, nowMs: number): boolean {
    const current = this.windows.get(key);
    if (!current || nowMs - current.start >= this.limit.windowMs) {
      // A flood of addresses must not grow the map without bound: forget every window and start again.
      if (this.windows.size >= MAX_TRACKED_ADDRESSES) this.windows.clear();
      this.windows.set(key, { start: nowMs, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= this.limit.requests;
  }
}

const CLOSED: Readonly<Record<Exclude<InvitationState, 'open'>, { status: number; title: string; message: string }>> = {
  unknown: { status: 404, title: 'الرابط غير صحيح', message: 'لم نجد هذا الاستبيان. تأكد من مسح الرمز المطبوع كاملاً.' },
  expired: { status: 410, title: 'انتهت صلاحية الرابط', message: 'انتهت مدة هذا الاستبيان. يسعدنا سماع رأيك في زيارتك القادمة.' },
  used: { status: 409, title: 'وصلنا رأيك', message: 'تمت الإجابة على هذا الاستبيان من قبل، شكراً لك.' },
};

function send(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('content-security-policy', SURVEY_PAGE_CSP).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
}

function closed(reply: FastifyReply, state: Exclude<InvitationState, 'open'>) {
  const page = CLOSED[state];
  return send(reply, page.status, surveyMessagePage(page.title, page.message));
}

/** Reads the posted fields; null with an Arabic reason when an answer is missing or out of range. */
export function parseAnswer(body: FormEcho): { answer: SurveyAnswer } | { error: string } {
  const csat = Number(body.csat);
  if (!Number.isInteger(csat) || csat < CSAT_MIN || csat > CSAT_MAX || !/^\d+$/.test(body.csat ?? '')) return { error: 'اختر وجهاً واحداً يعبّر عن رضاك.' };
  let nps: number | null = null;
  if (body.nps !== undefined && body.nps !== '') {
    nps = Number(body.nps);
    if (!/^\d+$/.test(body.nps) || nps < NPS_MIN || nps > NPS_MAX) return { error: 'اختر رقماً من صفر إلى عشرة.' };
  }
  const comment = (body.comment ?? '').trim();
  if (comment.length > 1000) return { error: 'الملاحظة أطول من ألف حرف.' };
  return { answer: { csat, nps, comment: comment === '' ? null : comment } };
}

export async function registerSurveyRoutes(scope: FastifyInstance, store: HeadOfficeStore, columns: ColumnCatalog, now: () => Date, limiter = new RateLimiter(SURVEY_RATE_LIMIT)): Promise<void> {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  async function serviceName(token: string): Promise<string> {
    const row = await store.db.selectFrom('survey_invitations').select('service').where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
    return reportLabel('surveyService', row?.service ?? '', 'ar');
  }

  /** The rate limit and the token's shape, before anything is read. */
  function admitted(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply): boolean {
    if (!limiter.allow(request.ip, now().getTime())) {
      void send(reply, 429, surveyMessagePage('محاولات كثيرة', 'وصلتنا طلبات كثيرة من هذا الجهاز. حاول بعد دقائق.'));
      return false;
    }
    if (!SURVEY_TOKEN_PATTERN.test(request.params.token)) {
      void closed(reply, 'unknown');
      return false;
    }
    return true;
  }

  scope.get<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    if (!admitted(request, reply)) return reply;
    const state = await invitationState(store.db, request.params.token, now());
    if (state !== 'open') return closed(reply, state);
    return send(reply, 200, surveyFormPage({ serviceName: await serviceName(request.params.token), error: null, echo: {} }));
  });

  scope.post<{ Params: { token: string }; Body: FormEcho }>('/s/:token', async (request, reply) => {
    if (!admitted(request, reply)) return reply;
    const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
    const parsed = parseAnswer(body);
    if ('error' in parsed) {
      const state = await invitationState(store.db, request.params.token, now());
      if (state !== 'open') return closed(reply, state);
      return send(reply, 400, surveyFormPage({ serviceName: await serviceName(request.params.token), error: parsed.error, echo: body }));
    }
    const state = await answerInvitation(store, columns, request.params.token, parsed.answer, now());
    if (state !== 'open') return closed(reply, state);
    request.log.info({ csat: parsed.answer.csat }, 'survey answered');
    const thanks = parsed.answer.csat <= 2 ? 'شكراً لك. نأسف لأن الخدمة لم تكن كما تستحق؛ سيتواصل معك أحد المشرفين.' : 'شكراً لك، وصل رأيك.';
    return send(reply, 200, surveyMessagePage('شكراً لك', thanks));
  });
}
