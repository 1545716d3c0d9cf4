import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { FILE_RECEIVED_HEADER } from '../../src-shared/contract/sync-files';
import type { HeadOfficeStore } from './store';
import type { Device } from './devices';
import { mayDownload, mayUpload } from './file-scope';
import { FileStore, MAX_FILE_BYTES } from './file-store';

/**
 * Content files, moved apart from the rows that name them, by hash:
 *   HEAD /sync/files/:sha  200 + length when head office has it; 404 + received length otherwise
 *   PUT  /sync/files/:sha  Content-Range: bytes start-end/total, raw bytes; resumes at the received length
 *   GET  /sync/files/:sha  the file, with Range for resuming
 * Every call is a device's (credential and schema checked) and scoped by the rows that name the hash.
 */

export type FileRouteOptions = {
  store: HeadOfficeStore;
  files: FileStore;
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Device | null>;
};

type ShaRequest = FastifyRequest<{ Params: { sha: string } }>;

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;
const RANGE = /^bytes=(\d+)-(\d*)$/;

function parseContentRange(header: string | undefined, length: number): { start: number; total: number } | null {
  if (header === undefined) return { start: 0, total: length };
  const match = CONTENT_RANGE.exec(header);
  if (!match) return null;
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return end >= start && end < total ? { start, total } : null;
}

export async function fileRoutes(app: FastifyInstance, options: FileRouteOptions): Promise<void> {
  const { store, files } = options;
  // The body is streamed to disk as it arrives (never held whole, never bounded by the JSON body limit).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  async function allowed(request: ShaRequest, reply: FastifyReply, may: typeof mayUpload): Promise<boolean> {
    const device = await options.authenticate(request, reply);
    if (!device) return false;
    if (!FileStore.isHash(request.params.sha) || !(await may(store.db, device, request.params.sha))) {
      // The same answer for "no such file" and "not yours": a device learns nothing about other branches' files.
      await reply.code(403).send({ error: 'file_not_allowed' });
      return false;
    }
    return true;
  }

  app.head('/sync/files/:sha', async (request: ShaRequest, reply) => {
    if (!(await allowed(request, reply, mayDownload))) return reply;
    const size = files.size(request.params.sha);
    if (size === null) return reply.code(404).header(FILE_RECEIVED_HEADER, String(files.received(request.params.sha))).send();
    return reply.code(200).header('content-length', String(size)).header('accept-ranges', 'bytes').send();
  });

  app.put('/sync/files/:sha', async (request: ShaRequest, reply) => {
    if (!(await allowed(request, reply, mayUpload))) return reply;
    const range = parseContentRange(request.headers['content-range'], Number(request.headers['content-length'] ?? 0));
    if (!range || range.total > MAX_FILE_BYTES || request.headers['content-type'] !== 'application/octet-stream') {
      (request.body as Readable | undefined)?.resume();
      return reply.code(400).send({ error: 'invalid_batch' });
    }
    const result = await files.put(request.params.sha, range.start, range.total, request.body as Readable);
    if (result.kind === 'complete') return { complete: true, received: range.total };
    if (result.kind === 'corrupt') {
      request.log.warn({ sha256: request.params.sha }, 'uploaded file does not match its hash; discarded');
      return reply.code(422).send({ error: 'file_corrupt' });
    }
    const code = result.kind === 'offset_mismatch' ? 409 : 200;
    return reply.code(code).header(FILE_RECEIVED_HEADER, String(result.received)).send({ complete: false, received: result.received });
  });

  app.get('/sync/files/:sha', async (request: ShaRequest, reply) => {
    if (!(await allowed(request, reply, mayDownload))) return reply;
    const size = files.size(request.params.sha);
    if (size === null) return reply.code(404).send({ error: 'file_not_allowed' });
    const match = RANGE.exec(request.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    const end = match && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
    reply.header('accept-ranges', 'bytes').type('application/octet-stream');
    if (match && (start >= size || start > end)) return reply.code(416).header('content-range', `bytes */${size}`).send();
    if (match) reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
    reply.header('content-length', String(end - start + 1));
    return reply.send(files.read(request.params.sha, start, end));
  });
}
