import { z } from 'zod';
import { defineMethod } from './define';
import { Empty } from './common';
import { SYNC_ERRORS, SYNC_STATES } from './sync';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;

export const ImportRejection = z.object({
  row: z.number().int(),
  reasons: z.array(z.object({ field: z.string().nullable(), messageKey: z.string(), ar: z.string(), en: z.string() })),
});

export const ImportDuplicate = z.object({
  row: z.number().int(),
  /** Another row of the same file, or null when the match is already in the store. */
  otherRow: z.number().int().nullable(),
  existingId: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
});

export const ImportReport = z.object({
  totalRows: z.number().int(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  accepted: z.number().int(),
  rejected: z.array(ImportRejection),
  duplicatesInFile: z.array(ImportDuplicate),
  duplicatesInStore: z.array(ImportDuplicate),
  imported: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

const ImportRequest = z.object({
  fileName: z.string().trim().min(1, { error: 'validation.required' }).max(200),
  format: z.enum(IMPORT_FORMATS, { error: 'validation.invalidChoice' }),
  /** The file itself; 8 MiB of base64 is roughly 50,000 beneficiary rows. */
  contentBase64: z.string().min(1, { error: 'validation.required' }).max(8 * 1024 * 1024, { error: 'validation.tooLong' }),
  /** Target field → column heading in the file; missing entries are guessed from the headings. */
  mapping: z.record(z.string(), z.string()).default({}),
  /** Import the valid rows and leave the rejected and duplicate ones out (listed in the report). */
  skipProblemRows: z.boolean().default(false),
});

export const systemMethods = {
  'system.status': defineMethod({
    input: Empty,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      storePath: z.string(),
      transport: z.enum(['ipc', 'http', 'cli', 'job']),
      pendingChanges: z.number().int(),
      sync: z.object({ state: z.enum(SYNC_STATES), lastSyncAt: z.string().nullable(), error: z.enum(SYNC_ERRORS).nullable(), clockOffsetMs: z.number().int().nullable() }),
    }),
    access: 'session',
    writes: false,
  }),
  'imports.preview': defineMethod({ input: ImportRequest, output: ImportReport, access: ['admin'], writes: false }),
  'imports.run': defineMethod({ input: ImportRequest, output: ImportReport, access: ['admin'], writes: true }),
};
