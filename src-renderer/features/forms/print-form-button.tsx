import { Button } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import type { FormSummary } from '../../../src-shared/contract/forms';
import { useIssueAndPrint } from './use-print-form';

type Props = {
  /** Calls the engine's `forms.generate…` for this record. */
  issue: () => Promise<FormSummary>;
  label: string;
  testId: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
};

/** A desk button that issues (or finds) a signed form and opens it for printing; refusals show in Arabic. */
export function PrintFormButton({ issue, label, testId, size, type }: Props) {
  const { run, pending } = useIssueAndPrint(issue);
  return (
    <Button icon={<FilePdfOutlined />} size={size} type={type} loading={pending} onClick={run} data-testid={testId}>
      {label}
    </Button>
  );
}
