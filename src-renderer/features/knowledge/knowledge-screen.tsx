import { useState } from 'react';
import { Button, Card, Space, Switch, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KnowledgeDocument, KnowledgeDocumentSummary } from '../../../src-shared/contract/knowledge';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { DocumentEditor } from './document-editor';
import { DocumentList } from './document-list';
import { DocumentReader } from './document-reader';
import { KnowledgeSearch } from './knowledge-search';
import { useKnowledgeList, useSetRetired } from './use-knowledge';
import './knowledge.css';

type Editing = { document: KnowledgeDocument | null };

/** The staff tools as a screen: search and documents on one side, the open document on the other; admins keep them. */
export function KnowledgeScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = canCall(user, 'knowledge.save');
  const [showRetired, setShowRetired] = useState(false);
  const [text, setText] = useState('');
  const [opened, setOpened] = useState<{ id: string; section: number | null } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useKnowledgeList(showRetired);
  const retire = useSetRetired();

  const edit = async (doc: KnowledgeDocumentSummary) => setEditing({ document: await call('knowledge.get', { id: doc.id }) });
  const actions = isAdmin
    ? (doc: KnowledgeDocumentSummary) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => void edit(doc)} data-testid={`knowledge-edit-${doc.tool}`}>
            {doc.status === 'missing' ? t('knowledge.admin.upload') : t('knowledge.admin.edit')}
          </Button>
          <Button size="small" icon={doc.status === 'retired' ? <UndoOutlined /> : <StopOutlined />} onClick={() => retire.mutate({ id: doc.id, retired: doc.status !== 'retired' })}>
            {doc.status === 'retired' ? t('knowledge.admin.reinstate') : t('knowledge.admin.retire')}
          </Button>
        </Space>
      )
    : undefined;

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('knowledge.title')}</Typography.Title>
        {isAdmin ? (
          <span className="page-title-actions">
            <Space>
              <Switch checked={showRetired} onChange={setShowRetired} aria-label={t('knowledge.admin.showRetired')} />
              <Typography.Text>{t('knowledge.admin.showRetired')}</Typography.Text>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ document: null })}>{t('knowledge.admin.add')}</Button>
            </Space>
          </span>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t('knowledge.intro')}</Typography.Paragraph>
      <div className="knowledge-layout">
        <Card>
          <KnowledgeSearch text={text} onText={setText} onOpen={(hit) => setOpened({ id: hit.documentId, section: hit.sectionPosition })} />
          {text.trim() === '' ? (
            <>
              <ErrorAlert error={list.error ?? retire.error} />
              <DocumentList documents={list.data?.documents ?? []} onOpen={(id) => setOpened({ id, section: null })} actions={actions} />
            </>
          ) : null}
        </Card>
        <Card className="knowledge-reading">
          {opened ? <DocumentReader key={`${opened.id}-${opened.section}`} id={opened.id} section={opened.section} onBack={() => setOpened(null)} /> : <Typography.Text type="secondary">{t('knowledge.choose')}</Typography.Text>}
        </Card>
      </div>
      {editing ? <DocumentEditor document={editing.document} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
