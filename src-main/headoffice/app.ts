import { timingSafeEqual } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../api/logger';
import { EnrolRequest, PushRequest, SCHEMA_HEADER, SYNC_LIMITS, type SyncErrorCode } from '../../src-shared/contract/sync';
import { readColumnCatalog } from '../store/change-apply';
import { authenticateDevice, createEnrolmentCode, enrolDevice, listDevices, revokeDevice, sha256, type Device } from './devices';
import { ADMIN_HTML, ADMIN_JS } from './admin-page';
import { REPORTS_HTML, REPORTS_JS } from './reports-page';
import { registerReportRoutes } from './reports-routes';
import { fileRoutes } from './file-routes';
import { FileStore } from './file-store';
import { registerReviewRoutes } from './review-routes';
import { Metrics } from './metrics';
import { registerSurveyRoutes } from './survey-routes';
import { learnAssociationName } from '../store/association-name';
import { logRewound, pagePull, pullReplyJson, receiveBatch } from './push';
import { schemaPolicy, schemaRefusal } from './schema-gate';
import type { HeadOfficeStore } from './store';

export type HeadOfficeOptions = {
  store: HeadOfficeStore;
  logger: Logger;
  /** Bearer token of the admin endpoints (enrolment codes, revocation, device list). */
  adminToken: string;
  https?: { key: Buffer; cert: Buffer } | undefined;
  /**
   * A folder holding electron-builder's output (latest.yml and the installers): served as the desks'
   * generic update feed under /updates/, with range requests so an interrupted download resumes.
   */
  updatesDir?: string | undefined;
  /** Head office's copies of the desks' content files (file-store.ts). */
  filesDir: string;
  /** The oldest desk schema version allowed to sync (default: head office's own; schema-gate.ts). */
  minDeskSchemaVersion?: number | undefined;
  now?: () => Date;
};

const PullQuery = z.object({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.pullChanges).default(SYNC_LIMITS.pullChanges),
  /** `own=1`: the device's own changes too (a desk re-syncing after a restore). */
  own: z.enum(['0', '1']).default('0'),
  /** The mark that came with `after`, and the desk's newest accepted change: checked against the log (logRewound). */
  mark: z.string().min(1).max(64).optional(),
  sent: z.string().min(1).max(64).optional(),
});
const NewDevice = z.object({ branchId: z.string().uuid(), name: z.string().trim().min(1).max(80) });

function refuse(reply: FastifyReply, status: number, error: SyncErrorCode, extra: Record<string, unknown> = {}) {
  return reply.code(status).send({ error, ...extra });
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

/** The head-office HTTP server: health, metrics, enrolment, push, pull and the admin endpoints. */
export async function buildHeadOffice(options: HeadOfficeOptions) {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const columns = await readColumnCatalog(store.db);
  const metrics = new Metrics();
  const schemas = schemaPolicy(store.schemaVersion, options.minDeskSchemaVersion);
  const adminHash = Buffer.from(sha256(options.adminToken));
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'headoffice' }),
    bodyLimit: SYNC_LIMITS.bodyBytes,
    ...(options.https ? { https: options.https } : {}),
  });

  async function device(request: FastifyRequest, reply: FastifyReply): Promise<Device | null> {
    const credential = bearer(request);
    const found = credential ? await authenticateDevice(store.db, credential) : null;
    if (!found) { metrics.add('refused_unauthenticated_total'); await refuse(reply, 401, 'unauthenticated'); return null; }
    const refusal = schemaRefusal(schemas, request.headers[SCHEMA_HEADER]);
    if (refusal) { metrics.add('refused_schema_total'); await reply.code(426).send(refusal); return null; }
    return found;
  }

  function isAdmin(request: FastifyRequest): boolean {
    const token = bearer(request);
    return token !== null && timingSafeEqual(Buffer.from(sha256(token)), adminHash);
  }

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'payload_too_large');
    if ((error.statusCode ?? 500) < 500) return refuse(reply, error.statusCode ?? 400, 'invalid_batch');
    request.log.error({ err: error }, 'request failed');
    return refuse(reply, 500, 'server_error');
  });

  if (options.updatesDir) {
    await app.register(fastifyStatic, { root: options.updatesDir, prefix: '/updates/', acceptRanges: true, index: false, list: false, dotfiles: 'deny' });
  }

  await app.register(fileRoutes, { store, files: new FileStore(options.filesDir), authenticate: device });

  app.get('/health', async () => {
    await store.db.selectFrom('sync_devices').select('id').limit(1).execute();
    return { ok: true, dialect: store.dialect, schemaVersion: store.schemaVersion, minDeskSchemaVersion: schemas.minDeskSchemaVersion };
  });

  app.get('/metrics', async (_request, reply) => {
    const head = await store.db.selectFrom('sync_changes').select(({ fn }) => fn.max('seq').as('seq')).executeTakeFirst();
    const devices = await store.db.selectFrom('sync_devices').select(({ fn }) => fn.countAll<number>().as('n')).where('revoked_at', 'is', null).executeTakeFirst();
    return reply.type('text/plain; version=0.0.4').send(metrics.render({ change_log_head: Number(head?.seq ?? 0), devices_active: Number(devices?.n ?? 0) }));
  });

  app.post('/sync/enrol', async (request, reply) => {
    const body = EnrolRequest.safeParse(request.body);
    if (!body.success) return refuse(reply, 400, 'invalid_batch');
    const enrolled = await enrolDevice(store.db, body.data.code, now(), body.data.branchId);
    if (!enrolled) { metrics.add('enrolments_refused_total'); return refuse(reply, 403, 'enrolment_refused'); }
    request.log.info({ deviceId: enrolled.device.id, branchId: enrolled.device.branchId }, 'device enrolled');
    const association = await learnAssociationName(store.db, body.data.association);
    return { deviceId: enrolled.device.id, credential: enrolled.credential, branchId: enrolled.device.branchId, schemaVersion: store.schemaVersion, association };
  });

  /** A desk has read or sent past this log (head office was restored from an older backup): it sends and reads again. */
  const rewound = (request: FastifyRequest, reply: FastifyReply, deviceId: string, cursor: number) => {
    metrics.add('requests_rewound_total');
    request.log.warn({ deviceId, cursor }, 'a desk has read or sent past this log: head office was restored from an older backup; the desk sends and reads again');
    return refuse(reply, 409, 'log_rewound');
  };

  app.post('/sync/push', async (request, reply) => {
    const who = await device(request, reply);
    if (!who) return reply;
    const body = PushRequest.safeParse(request.body);
    if (!body.success) return refuse(reply, 400, 'invalid_batch');
    if (await logRewound(store.db, body.data.seen ?? 0, { mark: body.data.seenMark })) return rewound(request, reply, who.id, body.data.seen ?? 0);
    const outcome = await receiveBatch(store, who, body.data, columns, now());
    if (outcome.kind === 'refused') {
      metrics.add('batches_refused_total');
      request.log.warn({ deviceId: who.id, batchId: body.data.batchId }, 'batch with rows of another branch refused');
      return refuse(reply, 403, outcome.error);
    }
    metrics.add('changes_accepted_total', outcome.reply.replayed ? 0 : outcome.reply.accepted);
    metrics.add('changes_rejected_total', outcome.reply.replayed ? 0 : outcome.reply.rejected.length);
    request.log.info({ deviceId: who.id, batchId: body.data.batchId, accepted: outcome.reply.accepted, rejected: outcome.reply.rejected.length, replayed: outcome.reply.replayed }, 'batch received');
    return outcome.reply;
  });

  app.get('/sync/pull', async (request, reply) => {
    const who = await device(request, reply);
    if (!who) return reply;
    const query = PullQuery.safeParse(request.query);
    if (!query.success) return refuse(reply, 400, 'invalid_batch');
    if (await logRewound(store.db, query.data.after, query.data)) return rewound(request, reply, who.id, query.data.after);
    const page = await pagePull(store.db, who, query.data.after, query.data.limit, now(), query.data.own === '1');
    metrics.add('changes_pulled_total', page.changes.length);
    return reply.type('application/json; charset=utf-8').send(pullReplyJson(page));
  });

  app.post('/admin/devices', async (request, reply) => {
    if (!isAdmin(request)) return refuse(reply, 401, 'unauthenticated');
    const body = NewDevice.safeParse(request.body);
    if (!body.success) return refuse(reply, 400, 'invalid_batch');
    return createEnrolmentCode(store.db, { ...body.data, now: now() });
  });

  app.post<{ Params: { id: string } }>('/admin/devices/:id/revoke', async (request, reply) => {
    if (!isAdmin(request)) return refuse(reply, 401, 'unauthenticated');
    const revoked = await revokeDevice(store.db, request.params.id, now());
    request.log.info({ deviceId: request.params.id, revoked }, 'device revoked');
    return { revoked };
  });

  // The page itself holds no data: everything it shows comes from the token-checked endpoints below.
  const ADMIN_CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  app.get('/admin', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', ADMIN_CSP).send(ADMIN_HTML));
  app.get('/admin/admin.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(ADMIN_JS));
  // The public survey page a printed QR slip opens (no login; rate-limited; one answer per token).
  await app.register(async (scope) => registerSurveyRoutes(scope, store, columns, now));
  app.get('/admin/reports', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', ADMIN_CSP).send(REPORTS_HTML));
  app.get('/admin/reports.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(REPORTS_JS));
  await app.register(async (scope) => registerReportRoutes(scope, store, isAdmin, now));
  await app.register(async (scope) => registerReviewRoutes(scope, store, columns, isAdmin, now));

  app.get('/admin/branches', async (request, reply) => {
    if (!isAdmin(request)) return refuse(reply, 401, 'unauthenticated');
    return { branches: await store.db.selectFrom('branches').select(['id', 'code', 'name_ar']).orderBy('code').execute() };
  });

  app.get('/admin/devices', async (request, reply) => {
    if (!isAdmin(request)) return refuse(reply, 401, 'unauthenticated');
    return { devices: await listDevices(store.db) };
  });

  return app;
}

export type HeadOffice = Awaited<ReturnType<typeof buildHeadOffice>>;
