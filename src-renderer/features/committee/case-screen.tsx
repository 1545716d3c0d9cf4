import { Button, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { ClockTag } from './clock-tag';
import { DecisionCard } from './decision-card';
import { DeliveryCard } from './delivery-card';
import { LetterCard } from './letter-card';
import { ReportCard } from './report-card';
import { useCase } from './use-committee';
import './committee.css';

/** One request before the committee: its clock, the research report, the decision, the letter and the delivery. */
export function CommitteeCaseScreen() {
  const { requestId = '' } = useParams();
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const query = useCase(requestId);
  const view = query.data;
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('committee.case.title')}</Typography.Title>
        <span className="page-title-actions">
          <Link to="/committee">
            <Button icon={<ArrowRightOutlined />}>{t('committee.case.back')}</Button>
          </Link>
        </span>
      </div>
      <ErrorAlert error={query.error} />
      {!view ? (
        <Skeleton active />
      ) : (
        <div className="committee-cards">
          <Card data-testid="case-header">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('committee.case.beneficiary')}>
                <Link to={`/beneficiaries/${view.beneficiaryId}`}>{view.beneficiaryName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('committee.case.type')}>{lang === 'en' ? view.requestTypeNameEn : view.requestTypeNameAr}</Descriptions.Item>
              <Descriptions.Item label={t('committee.case.state')}>
                <Tag color="blue" data-testid="case-state">{t(`interview.states.${view.state}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('committee.case.submitted')}>{view.submittedAt ? <DateTimeText value={view.submittedAt} /> : t('app.none')}</Descriptions.Item>
              <Descriptions.Item label={t('committee.case.due')}>
                <DualDate value={view.dueDate} inline /> <ClockTag level={view.level} daysLeft={view.daysLeft} mode={view.clockMode} />
              </Descriptions.Item>
              <Descriptions.Item label={t('committee.case.summary')}>{view.summary ?? t('app.none')}</Descriptions.Item>
            </Descriptions>
          </Card>
          <ReportCard view={view} />
          <DecisionCard view={view} />
          <LetterCard view={view} />
          <DeliveryCard view={view} />
        </div>
      )}
    </section>
  );
}
