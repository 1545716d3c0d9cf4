import { useState } from 'react';
import { Button, Card, Empty, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../src-shared/contract/requests';
import { call } from '../../app/api-client';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { PrintFormButton } from '../forms/print-form-button';

function AnswerModal({ referral, onClose }: { referral: ReferralView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [researcherNotes, setNotes] = useState('');
  const [answer, setAnswer] = useState('');
  const save = useMutation({
    mutationFn: () => call('referrals.answer', { id: referral.id, researcherNotes, answer }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['referrals.list'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('interview.referrals.answerTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="referral-answer-save">
          {t('interview.referrals.submit')}
        </Button>
      }
    >
      <p>
        <strong>{referral.beneficiaryName}</strong> — {referral.reason}
      </p>
      <div className="interview-field">
        <label htmlFor="researcher-notes">{t('interview.referrals.notes')}</label>
        <Input.TextArea id="researcher-notes" rows={3} value={researcherNotes} onChange={(e) => setNotes(e.target.value)} data-testid="researcher-notes" />
      </div>
      <div className="interview-field" style={{ marginBlockStart: 12 }}>
        <label htmlFor="researcher-answer">{t('interview.referrals.answer')}</label>
        <Input.TextArea id="researcher-answer" rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="researcher-answer" />
      </div>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}

/** The referral slip (form c) of one referral, issued once and printed from the stored PDF. */
function SlipButton({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  return (
    <PrintFormButton
      issue={() => call('forms.generateReferralSlip', { referralId: referral.id })}
      label={t('forms.desk.referralSlip')}
      testId={`referral-slip-${referral.id}`}
    />
  );
}

/** The social researcher's queue: open referrals with their reason, oldest first; answer each. */
export function ReferralsScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const [answering, setAnswering] = useState<ReferralView | null>(null);
  const list = useQuery({ queryKey: ['referrals.list', status], queryFn: () => call('referrals.list', { status }), staleTime: 0, refetchInterval: 15_000 });

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('interview.referrals.title')}</Typography.Title>
        <span className="page-title-actions">
          <Segmented<'open' | 'answered'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('interview.referrals.open') },
              { value: 'answered', label: t('interview.referrals.answered') },
            ]}
          />
        </span>
      </div>
      <ErrorAlert error={list.error} />
      <Card>
        <Table<ReferralView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="referrals-table"
          locale={{ emptyText: <Empty description={t('interview.referrals.empty')} /> }}
          columns={[
            { key: 'beneficiary', title: t('interview.referrals.columns.beneficiary'), render: (_, r) => r.beneficiaryName ?? t('app.none') },
            { key: 'reason', title: t('interview.referrals.columns.reason'), dataIndex: 'reason' },
            { key: 'by', title: t('interview.referrals.columns.referredBy'), render: (_, r) => r.referredByName ?? t('app.none') },
            { key: 'at', title: t('interview.referrals.columns.referredAt'), render: (_, r) => <DateTimeText value={r.referredAt} /> },
            status === 'open'
              ? {
                  key: 'act',
                  title: '',
                  render: (_, r) => (
                    <Space wrap>
                      <Button type="primary" onClick={() => setAnswering(r)} data-testid={`referral-answer-${r.id}`}>
                        {t('interview.referrals.answerAction')}
                      </Button>
                      <SlipButton referral={r} />
                    </Space>
                  ),
                }
              : { key: 'answer', title: t('interview.referrals.columns.answer'), render: (_, r) => r.answer },
            ...(status === 'answered' ? [{ key: 'slip', title: '', render: (_: unknown, r: ReferralView) => <SlipButton referral={r} /> }] : []),
          ]}
        />
      </Card>
      {answering ? <AnswerModal referral={answering} onClose={() => setAnswering(null)} /> : null}
    </section>
  );
}
