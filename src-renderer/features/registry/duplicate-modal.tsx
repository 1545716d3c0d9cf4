import { Alert, Button, Modal, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../src-shared/contract/beneficiaries';
import { formatSaudiMobile } from '../../../src-shared/domain/phone';
import { DualDate } from '../../components/dual-date';

type DuplicateModalProps = {
  candidates: readonly DuplicateCandidate[] | null;
  saving: boolean;
  resolving: string | null;
  onOpenSame: (candidateId: string) => void;
  onSaveAnyway: () => void;
  onClose: () => void;
};

/** Ranked candidates for the receptionist to decide on before a record is created or changed. */
export function DuplicateModal({ candidates, saving, resolving, onOpenSame, onSaveAnyway, onClose }: DuplicateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={candidates !== null}
      title={t('duplicates.title')}
      width={820}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('app.cancel')}
        </Button>,
        <Button key="save" type="primary" danger loading={saving} onClick={onSaveAnyway} data-testid="duplicate-save-anyway">
          {t('duplicates.saveAnyway')}
        </Button>,
      ]}
    >
      <div data-testid="duplicate-modal">
        <Typography.Paragraph>{t('duplicates.intro')}</Typography.Paragraph>
        {(candidates ?? []).map((candidate) => (
          <CandidateRow
            key={candidate.id}
            candidate={candidate}
            resolving={resolving === candidate.id}
            onOpenSame={() => onOpenSame(candidate.id)}
          />
        ))}
      </div>
    </Modal>
  );
}

function CandidateRow({
  candidate,
  resolving,
  onOpenSame,
}: {
  candidate: DuplicateCandidate;
  resolving: boolean;
  onOpenSame: () => void;
}) {
  const { t } = useTranslation();
  const relative = candidate.kind === 'relative';
  // The score is a 0–1 likelihood; a 0–100 value is accepted too.
  const percent = Math.round(Math.min(Math.max(candidate.score <= 1 ? candidate.score * 100 : candidate.score, 0), 100));
  return (
    <div className={`duplicate-candidate ${relative ? 'is-relative' : 'is-duplicate'}`} data-testid="duplicate-candidate">
      <div className="duplicate-candidate-head">
        <span className="candidate-name">{candidate.fullName}</span>
        <Tag color={relative ? 'blue' : 'volcano'}>{relative ? t('duplicates.kindRelative') : t('duplicates.kindDuplicate')}</Tag>
        <span className="duplicate-candidate-actions">
          <Button
            type={relative ? 'default' : 'primary'}
            disabled={!candidate.inScope}
            loading={resolving}
            onClick={onOpenSame}
            data-testid={`duplicate-open-${candidate.id}`}
          >
            {t('duplicates.openSame')}
          </Button>
        </span>
      </div>
      <Typography.Text type="secondary">
        <span className="ltr-value">{candidate.nationalId ?? '—'}</span>
        {' · '}
        <span className="ltr-value">{candidate.phonePrimary ? formatSaudiMobile(candidate.phonePrimary) : '—'}</span>
        {' · '}
        <DualDate value={candidate.birthDate} inline />
        {' · '}
        {candidate.branchName}
      </Typography.Text>
      <div>
        <span>{t('duplicates.score')}</span>
        <Progress percent={percent} size="small" status={relative ? 'normal' : 'exception'} format={(p) => `${p ?? 0}%`} />
      </div>
      <div>
        {candidate.reasons.map((reason) => (
          <Tag key={reason} data-testid="duplicate-reason">
            {t(`duplicates.reasons.${reason}`)}
          </Tag>
        ))}
      </div>
      {!candidate.inScope ? <Alert type="info" showIcon title={t('duplicates.otherBranch')} style={{ marginBlockStart: 8 }} /> : null}
    </div>
  );
}
