import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../../../src-shared/contract/contacts';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { ContactModal } from './contact-modal';
import { ContactTable } from './contact-table';
import { RetractModal } from './retract-modal';
import { useBeneficiaryContacts } from './use-contacts';
import { KnowledgeButton } from '../knowledge/knowledge-button';
import './contacts.css';

/** The beneficiary's contact log on the profile, with the form to log one more. */
export function ContactsTab({ beneficiaryId, beneficiaryName }: { beneficiaryId: string; beneficiaryName: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const contacts = useBeneficiaryContacts(beneficiaryId);
  const [logging, setLogging] = useState(false);
  const [correcting, setCorrecting] = useState<ContactEntry | null>(null);
  const [retracting, setRetracting] = useState<ContactEntry | null>(null);
  const canWrite = canCall(user, 'contacts.record');
  const beneficiary = { id: beneficiaryId, name: beneficiaryName };
  return (
    <>
      <div className="contact-filters">
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="profile-contact-new">
            {t('contacts.record')}
          </Button>
        ) : null}
        <KnowledgeButton />
      </div>
      <ErrorAlert error={contacts.error} />
      <ContactTable
        items={contacts.data?.items ?? []}
        loading={contacts.isPending}
        emptyText={t('contacts.empty')}
        showWho={false}
        onCorrect={canWrite ? setCorrecting : undefined}
        onRetract={canWrite ? setRetracting : undefined}
        testId="profile-contacts"
      />
      {logging ? <ContactModal open beneficiary={beneficiary} onClose={() => setLogging(false)} /> : null}
      {correcting ? <ContactModal open beneficiary={beneficiary} correcting={correcting} onClose={() => setCorrecting(null)} /> : null}
      <RetractModal entry={retracting} onClose={() => setRetracting(null)} />
    </>
  );
}
