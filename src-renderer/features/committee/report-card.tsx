import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOUSING_CONDITIONS, RECOMMENDATIONS, VISIT_KINDS, type CommitteeCase, type ReportInput } from '../../../src-shared/contract/committee';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { placeFieldErrors } from './field-errors';
import { useCaseAction } from './use-committee';

/** The social researcher's report: structured fields, the narrative and a recommendation. */
export function ReportCard({ view }: { view: CommitteeCase }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [form] = Form.useForm<ReportInput>();
  const [editing, setEditing] = useState(false);
  const write = useCaseAction(view.requestId, 'committee.writeReport');
  const current = view.reports.find((r) => r.current) ?? null;
  const mayWrite = canCall(user, 'committee.writeReport') && (view.state === 'submitted' || view.state === 'under_study');

  const submit = (values: ReportInput) =>
    write.mutate(
      { requestId: view.requestId, supersedesId: current?.id ?? null, report: { ...values, recommendedAmount: values.recommendedAmount ?? null } },
      { onSuccess: () => setEditing(false), onError: (e) => placeFieldErrors(form, e, 'report', lang) },
    );

  return (
    <Card title={t('committee.report.title')} data-testid="report-card">
      {current ? (
        <Descriptions size="small" column={2} bordered data-testid="report-view">
          <Descriptions.Item label={t('committee.report.visitDate')}><DualDate value={current.visitDate} inline /></Descriptions.Item>
          <Descriptions.Item label={t('committee.report.visitKind')}>{t(`committee.report.visitKinds.${current.visitKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.householdSize')}>{current.householdSize}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.housingCondition')}>{t(`committee.report.housing.${current.housingCondition}`)}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.monthlyIncome')}>{current.monthlyIncome}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.monthlyExpenses')}>{current.monthlyExpenses}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.needs')} span={2}>{current.needs}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.narrative')} span={2}>{current.narrative}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.recommendation')}>{t(`committee.report.recommendations.${current.recommendation}`)}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.recommendedAmount')}>{current.recommendedAmount ?? t('app.none')}</Descriptions.Item>
          <Descriptions.Item label={t('committee.report.by', { name: current.researcherName ?? '' })} span={2}><DateTimeText value={current.writtenAt} /></Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t('committee.report.none')}</Typography.Paragraph>
      )}
      {mayWrite && !editing ? (
        <Button type={current ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="report-write" style={{ marginBlockStart: 12 }}>
          {current ? t('committee.report.revise') : t('committee.report.write')}
        </Button>
      ) : null}
      {editing ? (
        <Form<ReportInput> form={form} layout="vertical" onFinish={submit} style={{ marginBlockStart: 16 }} initialValues={current ?? { visitDate: new Date().toISOString().slice(0, 10), visitKind: 'home_visit', housingCondition: 'fair', recommendation: 'accept' }}>
          <ErrorAlert error={write.error} />
          <div className="committee-form-grid">
            <Form.Item name="visitDate" label={t('committee.report.visitDate')}><Input type="date" data-testid="report-visitDate" /></Form.Item>
            <Form.Item name="visitKind" label={t('committee.report.visitKind')}><Select data-testid="report-visitKind" options={VISIT_KINDS.map((v) => ({ value: v, label: t(`committee.report.visitKinds.${v}`) }))} /></Form.Item>
            <Form.Item name="householdSize" label={t('committee.report.householdSize')}><InputNumber min={1} data-testid="report-householdSize" /></Form.Item>
            <Form.Item name="housingCondition" label={t('committee.report.housingCondition')}><Select data-testid="report-housing" options={HOUSING_CONDITIONS.map((v) => ({ value: v, label: t(`committee.report.housing.${v}`) }))} /></Form.Item>
            <Form.Item name="monthlyIncome" label={t('committee.report.monthlyIncome')}><InputNumber min={0} data-testid="report-monthlyIncome" /></Form.Item>
            <Form.Item name="monthlyExpenses" label={t('committee.report.monthlyExpenses')}><InputNumber min={0} data-testid="report-monthlyExpenses" /></Form.Item>
          </div>
          <Form.Item name="needs" label={t('committee.report.needs')}><Input data-testid="report-needs" /></Form.Item>
          <Form.Item name="narrative" label={t('committee.report.narrative')}><Input.TextArea rows={4} data-testid="report-narrative" /></Form.Item>
          <div className="committee-form-grid">
            <Form.Item name="recommendation" label={t('committee.report.recommendation')}><Select data-testid="report-recommendation" options={RECOMMENDATIONS.map((v) => ({ value: v, label: t(`committee.report.recommendations.${v}`) }))} /></Form.Item>
            <Form.Item name="recommendedAmount" label={t('committee.report.recommendedAmount')}><InputNumber min={0} data-testid="report-recommendedAmount" /></Form.Item>
          </div>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="report-save">{t('committee.report.save')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
