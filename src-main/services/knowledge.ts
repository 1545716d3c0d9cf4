import { uuidv7 } from 'uuidv7';
import { KNOWLEDGE_PDF_MAX_BYTES, type KnowledgeDocumentData, type KnowledgeTool } from '../../src-shared/contract/knowledge';
import { markdownSections, plainTextSections, type TextSection } from '../../src-shared/domain/knowledge-markdown';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, type ServiceContext } from './context';
import { knowledgeDocumentView, knowledgeSummaryView } from './knowledge-view';
import {
  findKnowledgeDocument,
  listKnowledgeDocuments,
  replaceSections,
  searchKnowledgeSections,
  type KnowledgeDocumentWithCount,
} from '../store/knowledge';
import { readKnowledgePdf, storeKnowledgePdf } from '../store/knowledge-files';
import { queryStems, searchMatch, snippet } from '../store/knowledge-terms';
import { insertTravelling, updateTravelling } from '../store/row-writer';

const PDF_MAGIC = '%PDF-';
const CONTENT_FIELD = 'document.content.contentBase64';

type ContentColumns = {
  format: 'markdown' | 'pdf';
  markdown: string | null;
  pdf_sha256: string | null;
  pdf_file_name: string | null;
  pdf_size: number | null;
  pdf_text: string | null;
};

/** Checks an upload before anything is written: a real PDF, within the size limit. */
function checkedPdfBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > KNOWLEDGE_PDF_MAX_BYTES) {
    throw new DomainError('VALIDATION', 'validation.knowledgeFileTooLarge', { fields: { [CONTENT_FIELD]: 'validation.knowledgeFileTooLarge' } });
  }
  if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC) {
    throw new DomainError('VALIDATION', 'validation.knowledgeUnsupportedType', { fields: { [CONTENT_FIELD]: 'validation.knowledgeUnsupportedType' } });
  }
  return bytes;
}

/**
 * The content columns and the sections to index. A PDF's pages are not read (no PDF text extractor
 * ships with the app, and Arabic text pulled out of PDFs comes out in broken order); what search finds
 * in a PDF is the text the administrator pasted beside it, and the list says so.
 */
function contentOf(ctx: ServiceContext, data: KnowledgeDocumentData, existing: KnowledgeDocumentWithCount | undefined): { columns: ContentColumns; sections: TextSection[] } {
  const content = data.content;
  if (content.format === 'markdown') {
    return {
      columns: { format: 'markdown', markdown: content.markdown, pdf_sha256: null, pdf_file_name: null, pdf_size: null, pdf_text: null },
      sections: markdownSections(content.markdown),
    };
  }
  let sha = existing?.pdf_sha256 ?? null;
  let size = existing?.pdf_size ?? null;
  if (content.contentBase64) {
    const bytes = checkedPdfBytes(content.contentBase64);
    sha = storeKnowledgePdf(ctx.store, bytes);
    size = bytes.length;
  }
  if (!sha) throw new DomainError('VALIDATION', 'error.knowledgePdfRequired', { fields: { [CONTENT_FIELD]: 'error.knowledgePdfRequired' } });
  return {
    columns: { format: 'pdf', markdown: null, pdf_sha256: sha, pdf_file_name: content.fileName, pdf_size: size, pdf_text: content.pdfText },
    sections: content.pdfText ? plainTextSections(content.pdfText) : [],
  };
}

async function requireDocument(ctx: ServiceContext, id: string): Promise<KnowledgeDocumentWithCount> {
  const row = await findKnowledgeDocument(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
  return row;
}

export const knowledgeHandlers = {
  'knowledge.list': async (ctx, input) => {
    requireActor(ctx);
    const rows = await listKnowledgeDocuments(ctx.db, input.includeRetired);
    return { documents: rows.map(knowledgeSummaryView) };
  },

  'knowledge.get': async (ctx, input) => {
    requireActor(ctx);
    return knowledgeDocumentView(await requireDocument(ctx, input.id));
  },

  'knowledge.search': async (ctx, input) => {
    requireActor(ctx);
    const match = searchMatch(input.query);
    if (!match) return { hits: [] };
    const stems = queryStems(input.query);
    const rows = await searchKnowledgeSections(ctx.db, match, input.limit);
    return {
      hits: rows.map((row) => ({
        documentId: row.document_id,
        documentTitle: row.title,
        tool: row.tool as KnowledgeTool,
        sectionId: row.section_id,
        sectionPosition: row.position,
        heading: row.heading,
        snippet: snippet(row.body, stems),
      })),
    };
  },

  'knowledge.pdf': async (ctx, input) => {
    requireActor(ctx);
    const row = await requireDocument(ctx, input.id);
    const bytes = row.pdf_sha256 ? readKnowledgePdf(ctx.store, row.pdf_sha256) : null;
    if (!row.pdf_sha256 || !bytes) throw new DomainError('NOT_FOUND', 'error.knowledgeFileMissing');
    return { fileName: row.pdf_file_name ?? `${row.pdf_sha256}.pdf`, contentBase64: bytes.toString('base64'), sha256: row.pdf_sha256 };
  },

  'knowledge.save': async (ctx, input) => {
    const actor = requireActor(ctx);
    const existing = input.id ? await requireDocument(ctx, input.id) : undefined;
    if (existing && input.expectedVersion && existing.hlc !== input.expectedVersion) throw new DomainError('STALE_VERSION', 'error.staleVersion');
    const { columns, sections } = contentOf(ctx, input.document, existing);
    const fields = {
      tool: input.document.tool,
      title: input.document.title,
      description: input.document.description,
      ...columns,
      updated_by: actor.id,
    };
    const stamp = ctx.stamp();
    let id: string;
    if (existing) {
      id = existing.id;
      const status = existing.status === 'retired' ? 'retired' : 'active';
      await updateTravelling(ctx.db, 'knowledge_documents', existing, { ...fields, status }, stamp, { history: false });
    } else {
      id = uuidv7();
      await insertTravelling(ctx.db, 'knowledge_documents', { id, branch_id: actor.branchId, ...fields, status: 'active', source_note: null, created_by: actor.id }, stamp);
    }
    await replaceSections(ctx.db, id, sections);
    ctx.describe({ entity: 'knowledge_document', entityId: id, detail: { format: columns.format, sections: sections.length, created: !existing } });
    return knowledgeDocumentView(await requireDocument(ctx, id));
  },

  'knowledge.setRetired': async (ctx, input) => {
    requireActor(ctx);
    const row = await requireDocument(ctx, input.id);
    const status = input.retired ? 'retired' : row.format ? 'active' : 'missing';
    await updateTravelling(ctx.db, 'knowledge_documents', row, { status }, ctx.stamp(), { history: false });
    ctx.describe({ entity: 'knowledge_document', entityId: row.id, detail: { status } });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
