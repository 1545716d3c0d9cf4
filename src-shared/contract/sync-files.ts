import { z } from 'zod';

/*
 * Content files between a desk and head office (see src-main/headoffice/file-routes.ts): moved by
 * SHA-256 after the rows that name them, resumable both ways, verified before they are kept.
 */

/** How many bytes of an unfinished upload head office holds (on HEAD 404, PUT 200/409). */
export const FILE_RECEIVED_HEADER = 'x-mamen-received';

/** Bytes sent per PUT: a cut costs at most one piece, and a slow line still shows progress. */
export const FILE_PIECE_BYTES = 4 * 1024 * 1024;

export const FilePutReply = z.object({ complete: z.boolean(), received: z.number().int().min(0) });

/** What one sync moved, and what it could not (kept for the next run, never shelved half-done). */
export const FileCounts = z.object({ uploaded: z.number().int(), downloaded: z.number().int(), failed: z.number().int() });
export type FileCounts = z.infer<typeof FileCounts>;
