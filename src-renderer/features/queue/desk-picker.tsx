import { useState } from 'react';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Desk } from '../../../src-shared/contract/queue';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { DeskModal } from './desk-admin';
import { formatNumber } from './queue-format';
import { useLanguage } from '../../app/language';

/** The user picks the desk they work at; a manager may add one when the branch has none that fits. */
export function DeskPicker({ desks, onChoose }: { desks: readonly Desk[]; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [adding, setAdding] = useState(false);
  const active = desks.filter((d) => d.active);
  const nextNumber = desks.reduce((max, d) => Math.max(max, d.number), 0) + 1;
  return (
    <Card title={t('queue.desk.choose')} className="queue-card" data-testid="desk-picker">
      <Typography.Paragraph type="secondary">{t('queue.desk.chooseHint')}</Typography.Paragraph>
      {active.length === 0 ? <Empty description={t('queue.desk.none')} /> : null}
      <Space wrap size="middle">
        {active.map((desk) => (
          <Button key={desk.id} size="large" className="queue-desk-choice" onClick={() => onChoose(desk.id)} data-testid={`choose-desk-${desk.number}`}>
            <span className="queue-desk-choice-number">{t('queue.desk.number', { number: formatNumber(desk.number, lang) })}</span>
            <span className="queue-desk-choice-name">{desk.name}</span>
          </Button>
        ))}
        {canCall(user, 'queue.saveDesk') ? (
          <Button size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-desk">
            {t('queue.deskAdmin.add')}
          </Button>
        ) : null}
      </Space>
      {adding ? (
        <DeskModal
          nextNumber={nextNumber}
          onClose={() => setAdding(false)}
          onSaved={(desk) => {
            setAdding(false);
            onChoose(desk.id);
          }}
        />
      ) : null}
    </Card>
  );
}
