import { useState } from 'react';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../../src-shared/contract/committee';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { ClockTag, LEVEL_COLOURS } from './clock-tag';
import { SessionModal } from './session-modal';
import { useBoard } from './use-committee';
import './committee.css';

/** The committee's board: every request on the 14-day clock, earliest deadline first, coloured by its clock. */
export function CommitteeBoardScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const navigate = useNavigate();
  const board = useBoard();
  const [sessionOpen, setSessionOpen] = useState(false);
  const items = board.data?.items ?? [];
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('committee.board.title')}</Typography.Title>
        {canCall(user, 'committee.createSession') ? (
          <span className="page-title-actions">
            <Button icon={<TeamOutlined />} onClick={() => setSessionOpen(true)} data-testid="new-session">
              {t('committee.board.newSession')}
            </Button>
          </span>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t('committee.board.intro')}</Typography.Paragraph>
      <ErrorAlert error={board.error} />
      <Card>
        <Table<BoardItem>
          rowKey="requestId"
          loading={board.isPending}
          dataSource={items}
          pagination={false}
          data-testid="committee-board"
          rowClassName={(r) => `committee-row committee-row-${r.level}`}
          locale={{ emptyText: <Empty description={t('committee.board.empty')} /> }}
          onRow={(r) => ({ onClick: () => void navigate(`/committee/${r.requestId}`), style: { cursor: 'pointer' }, 'data-testid': `board-row-${r.requestId}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { key: 'beneficiary', title: t('committee.board.columns.beneficiary'), dataIndex: 'beneficiaryName' },
            { key: 'type', title: t('committee.board.columns.type'), render: (_, r) => (lang === 'en' ? r.requestTypeNameEn : r.requestTypeNameAr) },
            { key: 'state', title: t('committee.board.columns.state'), render: (_, r) => <Tag color={LEVEL_COLOURS[r.level]}>{t(`interview.states.${r.state}`)}</Tag> },
            { key: 'submitted', title: t('committee.board.columns.submitted'), render: (_, r) => <DateTimeText value={r.submittedAt} /> },
            { key: 'due', title: t('committee.board.columns.due'), render: (_, r) => <DualDate value={r.dueDate} inline /> },
            { key: 'clock', title: t('committee.board.columns.clock'), render: (_, r) => <ClockTag level={r.level} daysLeft={r.daysLeft} mode={r.clockMode} /> },
            { key: 'report', title: t('committee.board.columns.report'), render: (_, r) => (r.hasReport ? t('committee.board.reportDone') : t('committee.board.reportMissing')) },
          ]}
        />
        <Typography.Paragraph type="secondary" className="committee-legend">
          {t('committee.board.legend')}
        </Typography.Paragraph>
      </Card>
      <SessionModal open={sessionOpen} onClose={() => setSessionOpen(false)} candidates={items.filter((i) => i.state === 'submitted' || i.state === 'under_study')} />
    </section>
  );
}
