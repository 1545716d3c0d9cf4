import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, Ok, optionalText, requiredText } from './common';

/**
 * The four staff tools of the policy («الأدوات المتاحة لموظف علاقات المستفيدين»), as data, plus
 * `policy` for the association's adopted policies (the Beneficiary Relations Policy is seeded there)
 * and `other` for anything an administrator adds.
 */
export const KNOWLEDGE_TOOLS = [
  'bylaws',
  'research_services_guide',
  'support_policy_guide',
  'support_request_form',
  'policy',
  'other',
] as const;
export type KnowledgeTool = (typeof KNOWLEDGE_TOOLS)[number];

/** `missing`: an entry the association must still supply (shown «لم يُرفع بعد»), never invented text. */
export const KNOWLEDGE_STATUSES = ['missing', 'active', 'retired'] as const;
export const KNOWLEDGE_FORMATS = ['markdown', 'pdf'] as const;
/** Where a document's searchable text comes from; a PDF is searchable only through text an admin pasted. */
export const KNOWLEDGE_TEXT_SOURCES = ['markdown', 'pasted', 'none'] as const;

/** PDFs travel as base64 over the API; 5 MB keeps a request under the loopback host's body limit. */
export const KNOWLEDGE_PDF_MAX_BYTES = 5 * 1024 * 1024;
const PDF_MAX_BASE64 = Math.ceil(KNOWLEDGE_PDF_MAX_BYTES / 3) * 4;

const MarkdownContent = z.object({
  format: z.literal('markdown'),
  markdown: requiredText(200_000),
});

const PdfContent = z.object({
  format: z.literal('pdf'),
  fileName: requiredText(200).refine((name) => /\.pdf$/i.test(name), { error: 'validation.knowledgeUnsupportedType' }),
  /** Null on an edit that keeps the stored file. */
  contentBase64: z
    .string()
    .max(PDF_MAX_BASE64, { error: 'validation.knowledgeFileTooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalidFormat' })
    .nullish()
    .transform((v) => (v ? v : null)),
  /** The document's text as the admin pasted it: what search finds inside a PDF. */
  pdfText: optionalText(200_000),
});

export const KnowledgeDocumentInput = z.object({
  tool: z.enum(KNOWLEDGE_TOOLS, { error: 'validation.invalidChoice' }),
  title: requiredText(200),
  description: optionalText(1000),
  content: z.discriminatedUnion('format', [MarkdownContent, PdfContent], { error: 'validation.invalidChoice' }),
});
export type KnowledgeDocumentInputRaw = z.input<typeof KnowledgeDocumentInput>;
export type KnowledgeDocumentData = z.output<typeof KnowledgeDocumentInput>;

export const KnowledgeDocumentSummary = z.object({
  id: Id,
  tool: z.enum(KNOWLEDGE_TOOLS),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(KNOWLEDGE_STATUSES),
  format: z.enum(KNOWLEDGE_FORMATS).nullable(),
  textSource: z.enum(KNOWLEDGE_TEXT_SOURCES),
  pdfFileName: z.string().nullable(),
  pdfSize: z.number().int().nullable(),
  sectionCount: z.number().int(),
  updatedAt: IsoDateTime,
  version: z.string(),
});
export type KnowledgeDocumentSummary = z.infer<typeof KnowledgeDocumentSummary>;

export const KnowledgeDocument = KnowledgeDocumentSummary.extend({
  markdown: z.string().nullable(),
  pdfText: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  sourceNote: z.string().nullable(),
});
export type KnowledgeDocument = z.infer<typeof KnowledgeDocument>;

/** A stretch of a section's own text (harakat and spelling as written), marked where the query matched. */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const KnowledgeHit = z.object({
  documentId: Id,
  documentTitle: z.string(),
  tool: z.enum(KNOWLEDGE_TOOLS),
  sectionId: Id,
  /** The section's number in its document, matching the reader's heading numbers (scroll target). */
  sectionPosition: z.number().int(),
  heading: z.string().nullable(),
  snippet: z.array(SnippetPart),
});
export type KnowledgeHit = z.infer<typeof KnowledgeHit>;

export const knowledgeMethods = {
  'knowledge.list': defineMethod({
    input: z.object({ includeRetired: z.boolean().default(false) }),
    output: z.object({ documents: z.array(KnowledgeDocumentSummary) }),
    access: ROLES,
    writes: false,
  }),
  'knowledge.get': defineMethod({
    input: z.object({ id: Id }),
    output: KnowledgeDocument,
    access: ROLES,
    writes: false,
  }),
  'knowledge.search': defineMethod({
    input: z.object({
      query: z.string().max(200, { error: 'validation.tooLong' }),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ hits: z.array(KnowledgeHit) }),
    access: ROLES,
    writes: false,
  }),
  'knowledge.pdf': defineMethod({
    input: z.object({ id: Id }),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), sha256: z.string() }),
    access: ROLES,
    writes: false,
  }),
  /** Creates a document (no id) or replaces one's content (id + the version the admin opened). */
  'knowledge.save': defineMethod({
    input: z.object({
      id: Id.nullish(),
      expectedVersion: z.string().nullish(),
      document: KnowledgeDocumentInput,
    }),
    output: KnowledgeDocument,
    access: ['admin'],
    writes: true,
  }),
  /** Retired documents leave the panel and search but stay in the store; reinstating brings them back. */
  'knowledge.setRetired': defineMethod({
    input: z.object({ id: Id, retired: z.boolean() }),
    output: Ok,
    access: ['admin'],
    writes: true,
  }),
};
