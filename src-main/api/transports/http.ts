import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { ApiResult } from '../../../src-shared/contract/errors';
import { isMethodName } from '../../../src-shared/contract';
import type { Router } from '../router';
import type { Logger } from '../logger';
import { apiError } from '../error-mapping';
import { SECURITY_HEADERS, allowedHosts, allowedOrigins, httpStatus } from './http-security';

export const LAUNCH_COOKIE = 'mamen_launch';
export const SESSION_COOKIE = 'mamen_session';
/** Import files arrive base64-encoded inside JSON; anything larger is refused before parsing. */
export const BODY_LIMIT_BYTES = 12 * 1024 * 1024;

export type HttpHostOptions = {
  router: Router;
  logger: Logger;
  /** Built renderer (dist/renderer); null serves the API only. */
  rendererDir: string | null;
  port: number;
  /** The per-launch secret printed in the URL; exchanged once for an HttpOnly cookie. */
  launchToken: string;
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const NOT_AUTHORISED_PAGE = `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>مأمن</title>
<body style="font-family:sans-serif;padding:2rem"><h1>افتح الرابط المطبوع عند تشغيل البرنامج</h1>
<p>هذا الخادم المحلي لا يقبل إلا المتصفح الذي فتح الرابط الذي يحتوي على رمز التشغيل.</p>
<p lang="en" dir="ltr">Open the link printed when the app started: it carries this launch's access token.</p></body></html>`;

/**
 * The loopback host: serves the renderer and `POST /api/:method` to the browser that opened the
 * launch URL. Bound to 127.0.0.1 only; Host and Origin checked on every request.
 */
export async function createHttpHost(options: HttpHostOptions): Promise<FastifyInstance> {
  const { router, logger, port, launchToken } = options;
  // The cookie holds its own random value, so the token in the URL is useless once exchanged and logged nowhere.
  const launchCookieValue = randomBytes(32).toString('base64url');
  // Known once listening (port 0 asks the OS for a free one).
  let hosts = allowedHosts(port);
  let origins = allowedOrigins(port);

  const httpLogger: FastifyBaseLogger = logger.child({ transport: 'http' });
  const app = Fastify({ loggerInstance: httpLogger, bodyLimit: BODY_LIMIT_BYTES,
    // Request lines carry the launch token (/?token=…): never logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  await app.register(fastifyCookie);

  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: false };
  const hasLaunchCookie = (request: FastifyRequest) => {
    const value = request.cookies[LAUNCH_COOKIE];
    return typeof value === 'string' && sameSecret(value, launchCookieValue);
  };
  const refuse = (reply: FastifyReply, result: ApiResult<never>) => {
    const status = result.ok ? 200 : httpStatus(result.error.code);
    return reply.code(status).header('cache-control', 'no-store').send(result);
  };

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!hosts.has(request.headers.host ?? '')) {
      logger.warn({ path: request.url.split('?')[0] }, 'refused request with a foreign Host header');
      return reply.code(421).send({ ok: false, error: apiError('BAD_REQUEST', 'error.badRequest') });
    }
    return undefined;
  });

  app.get('/healthz', async () => ({ ok: true }));

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    if (!origins.has(request.headers.origin ?? '')) return refuse(reply, { ok: false, error: apiError('FORBIDDEN', 'error.forbidden') });
    if (!hasLaunchCookie(request)) return refuse(reply, { ok: false, error: apiError('UNAUTHENTICATED', 'error.unauthenticated') });
    const started = performance.now();
    const result = await router.call(request.params.method, request.body, {
      transport: 'http',
      sessionToken: request.cookies[SESSION_COOKIE] ?? null,
      setSessionToken: (token) => {
        if (token) void reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        else void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      },
    });
    const status = result.ok ? 200 : httpStatus(result.error.code);
    // Which method, how it ended and how long it took: never the input or the answer.
    logger.debug({ method: isMethodName(request.params.method) ? request.params.method : 'unknown', status, code: result.ok ? null : result.error.code, ms: Math.round(performance.now() - started) }, 'api call');
    return reply.code(status).header('cache-control', 'no-store').send(result);
  });

  // Only JSON reaches the API: a form post from another site cannot even be parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) logger.error({ code: error.code }, 'http host error');
    return reply.code(status).header('cache-control', 'no-store').send({
      ok: false,
      error: apiError(status === 500 ? 'INTERNAL' : 'BAD_REQUEST', status === 500 ? 'error.internal' : 'error.badRequest', { ref: 'http' }),
    });
  });

  app.get<{ Querystring: { token?: string } }>('/', async (request, reply) => {
    const token = request.query.token;
    if (typeof token === 'string') {
      if (!sameSecret(token, launchToken)) return reply.code(401).type('text/html; charset=utf-8').send(NOT_AUTHORISED_PAGE);
      void reply.setCookie(LAUNCH_COOKIE, launchCookieValue, cookieOptions);
      return reply.redirect('/');
    }
    if (!hasLaunchCookie(request)) return reply.code(401).type('text/html; charset=utf-8').send(NOT_AUTHORISED_PAGE);
    if (!options.rendererDir) return reply.code(404).send();
    return reply.header('cache-control', 'no-store').sendFile('index.html');
  });

  if (options.rendererDir && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: options.rendererDir, serve: false });
    app.get('/*', async (request, reply) => {
      if (!hasLaunchCookie(request)) return reply.code(401).type('text/html; charset=utf-8').send(NOT_AUTHORISED_PAGE);
      const path = decodeURIComponent(request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
      if (path.startsWith('assets/') || /\.(svg|png|ico|ttf|woff2?)$/.test(path)) return reply.sendFile(path);
      // Client-side routes load the app shell.
      return reply.header('cache-control', 'no-store').sendFile('index.html');
    });
  }

  await app.listen({ host: '127.0.0.1', port });
  hosts = allowedHosts(hostPort(app));
  origins = allowedOrigins(hostPort(app));
  return app;
}

/** The address the host ended up on (port 0 picks a free one). */
export function hostPort(app: FastifyInstance): number {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The loopback host has no TCP address.');
  return address.port;
}
