import { useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CommitteeCase, DeliveryView } from '../../../src-shared/contract/committee';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { SignatureCanvas, type SignatureCanvasHandle } from '../interview/signature-canvas';
import { PrintSlipButton } from '../surveys/print-slip';
import { placeFieldErrors } from './field-errors';
import { useCaseAction } from './use-committee';

type Values = { amount?: number; item?: string; quantity?: string; place?: string; signerName?: string };

/** What the accepted decision entitles to, what was handed over, and a new delivery signed on screen. */
export function DeliveryCard({ view }: { view: CommitteeCase }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignatureCanvasHandle>(null);
  const [, setEmpty] = useState(true);
  const record = useCaseAction(view.requestId, 'delivery.record');
  const e = view.entitlement;
  const riyals = (n: number) => t('committee.delivery.riyals', { amount: formatCount(n, lang) });
  const mayDeliver = Boolean(e && e.remaining > 0 && e.deliveriesMade < e.installments && canCall(user, 'delivery.record'));

  const submit = (v: Values) =>
    record.mutate(
      {
        requestId: view.requestId,
        amount: v.amount as number,
        items: [{ description: v.item ?? '', quantity: v.quantity ?? null }],
        place: v.place ?? '',
        signerName: v.signerName ?? '',
        signaturePngBase64: pad.current?.isEmpty() ? '' : (pad.current?.toPngBase64() ?? ''),
      },
      {
        onSuccess: () => {
          void message.success(t('committee.delivery.saved'));
          form.resetFields();
          pad.current?.clear();
        },
        onError: (error) => placeFieldErrors(form, error, '', lang),
      },
    );

  return (
    <Card title={t('committee.delivery.title')} data-testid="delivery-card">
      {!e ? (
        <Typography.Paragraph type="secondary">{t('committee.delivery.needsAcceptance')}</Typography.Paragraph>
      ) : (
        <>
          <Descriptions size="small" column={4} bordered data-testid="entitlement">
            <Descriptions.Item label={t('committee.delivery.approved')}>{riyals(e.approvedTotal)}</Descriptions.Item>
            <Descriptions.Item label={t('committee.delivery.delivered')}>{riyals(e.deliveredTotal)}</Descriptions.Item>
            <Descriptions.Item label={t('committee.delivery.remaining')}>{riyals(e.remaining)}</Descriptions.Item>
            <Descriptions.Item label={t('committee.delivery.entitlement')}>{t('committee.delivery.installments', { made: formatCount(e.deliveriesMade, lang), total: formatCount(e.installments, lang) })}</Descriptions.Item>
          </Descriptions>
          <Table<DeliveryView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.deliveries}
            data-testid="deliveries"
            style={{ marginBlock: 16 }}
            locale={{ emptyText: t('committee.delivery.none') }}
            columns={[
              { key: 'at', title: t('committee.delivery.columns.at'), render: (_, d) => <DateTimeText value={d.deliveredAt} /> },
              { key: 'amount', title: t('committee.delivery.columns.amount'), render: (_, d) => riyals(d.amount) },
              { key: 'items', title: t('committee.delivery.columns.items'), dataIndex: 'items' },
              { key: 'place', title: t('committee.delivery.columns.place'), dataIndex: 'place' },
              { key: 'by', title: t('committee.delivery.columns.by'), dataIndex: 'deliveredByName' },
              { key: 'signer', title: t('committee.delivery.columns.signer'), dataIndex: 'signerName' },
            ]}
          />
          {view.deliveries.length > 0 && canCall(user, 'surveys.submit') ? (
            <Space align="start" wrap style={{ marginBlockEnd: 16 }}>
              <Button onClick={() => void navigate(`/survey/kiosk?service=delivery&requestId=${view.requestId}`)} data-testid="delivery-survey">
                {t('committee.delivery.survey')}
              </Button>
              {canCall(user, 'surveys.invite') ? <PrintSlipButton subject={{ service: 'delivery', requestId: view.requestId }} testId="delivery-survey-slip" /> : null}
            </Space>
          ) : null}
        </>
      )}
      {mayDeliver && e ? (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ amount: Math.min(e.amountPerInstallment, e.remaining), signerName: view.beneficiaryName }}>
          <ErrorAlert error={record.error} />
          <div className="committee-form-grid">
            <Form.Item name="amount" label={t('committee.delivery.amount')}><InputNumber min={1} data-testid="delivery-amount" /></Form.Item>
            <Form.Item name="item" label={t('committee.delivery.item')}><Input data-testid="delivery-item" /></Form.Item>
            <Form.Item name="quantity" label={t('committee.delivery.quantity')}><Input data-testid="delivery-quantity" /></Form.Item>
            <Form.Item name="place" label={t('committee.delivery.place')}><Input data-testid="delivery-place" /></Form.Item>
            <Form.Item name="signerName" label={t('committee.delivery.signer')}><Input data-testid="delivery-signer" /></Form.Item>
          </div>
          <Form.Item label={t('committee.delivery.sign')}>
            <SignatureCanvas ref={pad} testId="signature-canvas" label={t('committee.delivery.sign')} onChange={setEmpty} />
          </Form.Item>
          <div className="committee-actions">
            <Button onClick={() => pad.current?.clear()}>{t('committee.delivery.clear')}</Button>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="delivery-save">{t('committee.delivery.save')}</Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
