import type { KnowledgeDocument, KnowledgeDocumentSummary } from '../../src-shared/contract/knowledge';
import type { KnowledgeDocumentWithCount } from '../store/knowledge';

function textSource(row: KnowledgeDocumentWithCount): KnowledgeDocumentSummary['textSource'] {
  if (row.format === 'markdown') return 'markdown';
  return row.pdf_text ? 'pasted' : 'none';
}

export function knowledgeSummaryView(row: KnowledgeDocumentWithCount): KnowledgeDocumentSummary {
  return {
    id: row.id,
    tool: row.tool as KnowledgeDocumentSummary['tool'],
    title: row.title,
    description: row.description,
    status: row.status as KnowledgeDocumentSummary['status'],
    format: row.format as KnowledgeDocumentSummary['format'],
    textSource: textSource(row),
    pdfFileName: row.pdf_file_name,
    pdfSize: row.pdf_size,
    sectionCount: row.section_count,
    updatedAt: row.updated_at,
    version: row.hlc,
  };
}

export function knowledgeDocumentView(row: KnowledgeDocumentWithCount): KnowledgeDocument {
  return {
    ...knowledgeSummaryView(row),
    markdown: row.markdown,
    pdfText: row.pdf_text,
    pdfSha256: row.pdf_sha256,
    sourceNote: row.source_note,
  };
}
