import { useState } from 'react';
import { Button } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KnowledgePanel } from './knowledge-panel';

/** "Staff tools" beside a form: opens the knowledge panel without leaving the screen. */
export function KnowledgeButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => setOpen(true)} data-testid="knowledge-open">
        {t('knowledge.open')}
      </Button>
      <KnowledgePanel open={open} onClose={() => setOpen(false)} />
    </>
  );
}
