import { Alert, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { MarkdownView } from './markdown-view';
import { downloadKnowledgePdf, useKnowledgeDocument } from './use-knowledge';

/** One document: its Markdown drawn as text, or its PDF to open, with the pasted text beside it. */
export function DocumentReader({ id, section, onBack }: { id: string; section: number | null; onBack: () => void }) {
  const { t } = useTranslation();
  const doc = useKnowledgeDocument(id);
  return (
    <div className="knowledge-reader">
      <Button icon={<ArrowRightOutlined className="knowledge-back-icon" />} onClick={onBack} data-testid="knowledge-back">
        {t('knowledge.back')}
      </Button>
      <ErrorAlert error={doc.error} />
      {doc.isPending ? <Skeleton active /> : null}
      {doc.data ? (
        <>
          <Typography.Title level={3} className="knowledge-reader-title">{doc.data.title}</Typography.Title>
          <Space wrap size={8} className="knowledge-reader-meta">
            <Tag>{t(`knowledge.tools.${doc.data.tool}`)}</Tag>
            {doc.data.sourceNote ? <Typography.Text type="secondary">{doc.data.sourceNote}</Typography.Text> : null}
            <Typography.Text type="secondary">
              {t('knowledge.updated')}: <DualDate value={doc.data.updatedAt} inline />
            </Typography.Text>
          </Space>
          {doc.data.status === 'missing' ? <Alert type="warning" showIcon title={t('knowledge.missingHint')} data-testid="knowledge-missing" /> : null}
          {doc.data.markdown ? <MarkdownView markdown={doc.data.markdown} section={section} /> : null}
          {doc.data.format === 'pdf' ? (
            <>
              <Button icon={<FilePdfOutlined />} onClick={() => void downloadKnowledgePdf(id)} data-testid="knowledge-pdf">
                {t('knowledge.downloadPdf')} — {doc.data.pdfFileName}
              </Button>
              <Typography.Paragraph type="secondary">{t(doc.data.pdfText ? 'knowledge.pdfIndexed' : 'knowledge.pdfOnly')}</Typography.Paragraph>
              {doc.data.pdfText ? <div className="knowledge-pasted">{doc.data.pdfText}</div> : null}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
