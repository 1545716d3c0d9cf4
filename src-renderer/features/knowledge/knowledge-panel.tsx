import { useState } from 'react';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KnowledgeHit } from '../../../src-shared/contract/knowledge';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { DocumentList } from './document-list';
import { DocumentReader } from './document-reader';
import { KnowledgeSearch } from './knowledge-search';
import { useKnowledgeList } from './use-knowledge';
import './knowledge.css';

type Opened = { id: string; section: number | null };

/**
 * The staff tools at hand during an interview: a side panel with search and a reading view, opened
 * over whatever screen the desk is on. It sits at the end side (the left in Arabic), so the form
 * the receptionist is filling stays where it was.
 */
export function KnowledgePanel({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const list = useKnowledgeList(false);
  const openHit = (hit: KnowledgeHit) => setOpened({ id: hit.documentId, section: hit.sectionPosition });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('knowledge.title')}
      placement={lang === 'ar' ? 'left' : 'right'}
      size={600}
      mask={false}
    >
      <div data-testid="knowledge-panel">
        {opened ? (
          <DocumentReader id={opened.id} section={opened.section} onBack={() => setOpened(null)} />
        ) : (
          <>
            <KnowledgeSearch text={text} onText={setText} onOpen={openHit} autoFocus />
            {text.trim() === '' ? (
              <>
                <ErrorAlert error={list.error} />
                <DocumentList documents={list.data?.documents ?? []} onOpen={(id) => setOpened({ id, section: null })} />
              </>
            ) : null}
          </>
        )}
      </div>
    </Drawer>
  );
}

