import { List, Tag, Typography } from 'antd';
import { FileMarkdownOutlined, FilePdfOutlined, FileUnknownOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeDocumentSummary } from '../../../src-shared/contract/knowledge';

function formatIcon(doc: KnowledgeDocumentSummary) {
  if (doc.format === 'pdf') return <FilePdfOutlined />;
  if (doc.format === 'markdown') return <FileMarkdownOutlined />;
  return <FileUnknownOutlined />;
}

/** The documents in the policy's order of tools; missing ones are marked, never hidden. */
export function DocumentList({ documents, onOpen, actions }: { documents: KnowledgeDocumentSummary[]; onOpen: (id: string) => void; actions?: (doc: KnowledgeDocumentSummary) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <List
      className="knowledge-documents"
      data-testid="knowledge-documents"
      dataSource={documents}
      renderItem={(doc) => (
        <List.Item key={doc.id} className={`knowledge-document is-${doc.status}`} extra={actions ? actions(doc) : undefined}>
          <button type="button" className="knowledge-document-open" onClick={() => onOpen(doc.id)} data-testid={`knowledge-doc-${doc.tool}`}>
            <span className="knowledge-document-icon">{formatIcon(doc)}</span>
            <span>
              <Typography.Text strong>{doc.title}</Typography.Text>
              <span className="knowledge-document-tool">{t(`knowledge.tools.${doc.tool}`)}</span>
            </span>
            {doc.status === 'missing' ? <Tag color="orange">{t('knowledge.missing')}</Tag> : null}
            {doc.status === 'retired' ? <Tag>{t('knowledge.retired')}</Tag> : null}
            {doc.format === 'pdf' && doc.textSource === 'none' ? <Tag>{t('knowledge.pdfOnly')}</Tag> : null}
          </button>
        </List.Item>
      )}
    />
  );
}
