import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../../src-shared/contract/committee';
import { ErrorAlert } from '../../components/error-alert';
import { useRefreshAfter } from './use-committee';

type Values = { heldOn: string; membersPresent: string[]; agenda: string[]; notes?: string };

/** A committee session: its date, the members present and the requests on its agenda. */
export function SessionModal({ open, onClose, candidates }: { open: boolean; onClose: () => void; candidates: BoardItem[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useRefreshAfter('committee.createSession', ['committee.board', 'committee.case', 'committee.sessions']);
  const submit = (values: Values) =>
    create.mutate(
      { heldOn: values.heldOn, membersPresent: values.membersPresent, agenda: values.agenda, notes: values.notes ?? null },
      {
        onSuccess: () => {
          void message.success(t('committee.session.saved'));
          form.resetFields();
          onClose();
        },
      },
    );
  return (
    <Modal open={open} title={t('committee.session.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={create.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ heldOn: new Date().toISOString().slice(0, 10) }}>
        <Form.Item name="heldOn" label={t('committee.session.heldOn')} rules={[{ required: true, message: t('committee.session.heldOn') }]}>
          <Input type="date" data-testid="session-date" />
        </Form.Item>
        <Form.Item name="membersPresent" label={t('committee.session.members')} rules={[{ required: true, message: t('committee.session.members') }]}>
          <Select mode="tags" open={false} placeholder={t('committee.session.membersHint')} data-testid="session-members" />
        </Form.Item>
        <Form.Item name="agenda" label={t('committee.session.agenda')} rules={[{ required: true, message: t('committee.session.agenda') }]}>
          <Select mode="multiple" data-testid="session-agenda" options={candidates.map((c) => ({ value: c.requestId, label: `${c.beneficiaryName} — ${c.requestTypeNameAr}` }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('committee.session.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="session-save">
          {t('committee.session.save')}
        </Button>
      </Form>
    </Modal>
  );
}
