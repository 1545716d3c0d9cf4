import { useState } from 'react';
import { Button, Card, Empty, Skeleton, Typography } from 'antd';
import { DesktopOutlined, SoundOutlined, SwapOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueueAction } from '../../../src-shared/domain/queue-transitions';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { useShortcuts } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/error-alert';
import { CurrentTicket } from './current-ticket';
import { DeskFigures } from './desk-figures';
import { DeskPicker } from './desk-picker';
import { LinkBeneficiaryModal } from './link-modal';
import { TransferModal } from './transfer-modal';
import { useChosenDesk, useDeskAction, useDeskStatus, useQueueConfig } from './use-queue';
import './queue.css';
import { formatNumber } from './queue-format';
import { useLanguage } from '../../app/language';

const METHODS = {
  recall: 'queue.recall',
  start: 'queue.startServing',
  finish: 'queue.finish',
  noShow: 'queue.noShow',
  skip: 'queue.skip',
} as const;

/** «شباكي»: the desk's current visitor and its buttons, F8 to call the next one, the day's figures. */
export function DeskScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const navigate = useNavigate();
  const config = useQueueConfig();
  const [deskId, chooseDesk] = useChosenDesk();
  const desks = config.data?.desks ?? [];
  const desk = desks.find((d) => d.id === deskId && d.active) ?? null;
  const status = useDeskStatus(desk ? desk.id : null);
  const action = useDeskAction();
  const [modal, setModal] = useState<'transfer' | 'link' | null>(null);
  const current = status.data?.current ?? null;

  const callNext = () => {
    if (desk && !action.isPending && !current) action.mutate({ method: 'queue.callNext', input: { deskId: desk.id } });
  };
  const act = (name: Exclude<QueueAction, 'transfer'>) => {
    if (desk && current) action.mutate({ method: METHODS[name], input: { deskId: desk.id, ticketId: current.id } });
  };
  useShortcuts([
    { chords: [{ code: 'F8' }], run: callNext },
    { chords: [{ code: 'F9' }], run: () => current?.state === 'called' && act('recall') },
  ]);

  if (config.isPending) return <Skeleton active />;
  if (!desk) return <DeskPicker desks={desks} onChoose={chooseDesk} />;

  const interview = () => {
    if (!current) return;
    const query = new URLSearchParams({ ticket: current.id, ...(current.beneficiaryId ? { beneficiary: current.beneficiaryId } : {}) });
    void navigate(`/interviews/new?${query.toString()}`);
  };

  return (
    <section className="queue-desk">
      <div className="page-title-row">
        <Typography.Title level={2} data-testid="desk-title">
          {t('queue.desk.number', { number: formatNumber(desk.number, lang) })} — {desk.name}
        </Typography.Title>
        <span className="page-title-actions">
          <Button icon={<DesktopOutlined />} onClick={() => void navigate(`/board/${user.branchId}`)} data-testid="open-board">
            {t('queue.desk.openBoard')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => chooseDesk(null)} data-testid="change-desk">
            {t('queue.desk.change')}
          </Button>
        </span>
      </div>
      <div className="shortcut-hint">{t('queue.desk.shortcuts')}</div>
      <ErrorAlert error={action.error ?? status.error} testId="desk-error" />
      <div className="queue-desk-layout">
        <div>
          {current ? (
            <CurrentTicket
              ticket={current}
              busy={action.isPending}
              onAction={act}
              onTransfer={() => setModal('transfer')}
              onLink={() => setModal('link')}
              onInterview={interview}
              canInterview={canCall(user, 'queue.issue')}
            />
          ) : (
            <Card className="queue-card queue-current">
              <Empty description={t('queue.desk.noCurrent')} />
            </Card>
          )}
          <Button
            type="primary"
            size="large"
            className="queue-call-next"
            icon={<SoundOutlined />}
            loading={action.isPending}
            disabled={current !== null}
            onClick={callNext}
            data-testid="desk-call-next"
          >
            {t('queue.desk.callNext')}
          </Button>
        </div>
        {status.data ? <DeskFigures status={status.data} /> : <Skeleton active />}
      </div>
      {modal === 'transfer' && current ? <TransferModal ticket={current} desk={desk} desks={desks} onClose={() => setModal(null)} /> : null}
      {modal === 'link' && current ? <LinkBeneficiaryModal ticket={current} onClose={() => setModal(null)} /> : null}
    </section>
  );
}
