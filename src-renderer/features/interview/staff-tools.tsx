import { useState } from 'react';
import { Button } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KnowledgePanel } from '../knowledge/knowledge-panel';

/** The four staff tools of the policy (bylaws, guides, request form), at hand during the interview. */
export function StaffToolsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => setOpen(true)} data-testid="interview-staff-tools">
        {t('interview.wizard.openKnowledge')}
      </Button>
      <KnowledgePanel open={open} onClose={() => setOpen(false)} />
    </>
  );
}
