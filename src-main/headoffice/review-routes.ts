import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MERGE_FIELDS } from '../../src-shared/domain/merge-fields';
import type { ColumnCatalog } from '../store/change-apply';
import type { Database } from '../store/schema';
import type { Kysely } from 'kysely';
import { listReviewsAtHeadOffice, resolveAtHeadOffice } from './cross-branch';
import { lockChangeLog, type HeadOfficeStore } from './store';
import { REVIEWS_HTML, REVIEWS_JS } from './reviews-page';

/** Cross-branch review items at head office: listed on the admin page, and decided there too. */

const Resolve = z.object({
  decision: z.enum(['merge', 'distinct']),
  survivorId: z.string().uuid().nullable().default(null),
  aliasFields: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
});

const CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerReviewRoutes(
  app: FastifyInstance,
  store: HeadOfficeStore,
  columns: ColumnCatalog,
  isAdmin: (request: FastifyRequest) => boolean,
  now: () => Date,
): void {
  app.get('/admin/reviews/page', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).send(REVIEWS_HTML));
  app.get('/admin/reviews.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(REVIEWS_JS));

  app.get('/admin/reviews', async (request, reply) => {
    if (!isAdmin(request)) return reply.code(401).send({ error: 'unauthenticated' });
    return { reviews: await listReviewsAtHeadOffice(store.db, 200) };
  });

  app.post<{ Params: { id: string } }>('/admin/reviews/:id/resolve', async (request, reply) => {
    if (!isAdmin(request)) return reply.code(401).send({ error: 'unauthenticated' });
    const body = Resolve.safeParse(request.body);
    if (!body.success || !z.string().uuid().safeParse(request.params.id).success) return reply.code(400).send({ error: 'invalid_batch' });
    const refusal = await store.db.transaction().execute(async (tx) => {
      await lockChangeLog(tx as unknown as Kysely<Database>, store.dialect);
      return resolveAtHeadOffice(tx, columns, { reviewId: request.params.id, ...body.data }, now().toISOString());
    });
    if (refusal) return reply.code(refusal === 'review_unknown' ? 404 : 409).send({ error: refusal });
    request.log.info({ reviewId: request.params.id, decision: body.data.decision }, 'review resolved at head office');
    return { resolved: true };
  });
}
