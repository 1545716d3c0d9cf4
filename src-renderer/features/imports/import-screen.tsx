import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Space, Typography, Upload } from 'antd';
import { EyeOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../src-shared/contract/system';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { ImportReportView } from './import-report';
import { MappingEditor } from './mapping-editor';
import { formatFromFileName, MAX_FILE_BYTES, readAsBase64, type ImportFormat } from './read-file';

type ChosenFile = { fileName: string; format: ImportFormat; contentBase64: string };

/** Preview first (mapping, counts, problems), then import: nothing is written by the preview. */
export function ImportScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<'unsupported' | 'tooBig' | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [skipProblemRows, setSkip] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const preview = useMutation({
    mutationFn: (input: ChosenFile & { mapping: Record<string, string> }) => call('imports.preview', { ...input, skipProblemRows }),
    onSuccess: (result) => {
      setReport(result);
      setMapping(result.mapping);
    },
  });
  const run = useMutation({
    mutationFn: (input: ChosenFile) => call('imports.run', { ...input, mapping, skipProblemRows }),
    onSuccess: (result) => {
      setReport(result);
      void client.invalidateQueries({ queryKey: ['beneficiaries.search'] });
    },
  });

  const choose = async (chosen: File) => {
    setReport(null);
    preview.reset();
    run.reset();
    const format = formatFromFileName(chosen.name);
    if (format === null || chosen.size > MAX_FILE_BYTES) {
      setFile(null);
      setFileProblem(format === null ? 'unsupported' : 'tooBig');
      return;
    }
    setFileProblem(null);
    const next = { fileName: chosen.name, format, contentBase64: await readAsBase64(chosen) };
    setFile(next);
    preview.mutate({ ...next, mapping: {} });
  };

  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('imports.title')}</Typography.Title>
      </div>
      <Card style={{ marginBlockEnd: 16 }}>
        <Typography.Paragraph>{t('imports.intro')}</Typography.Paragraph>
        <Space wrap>
          <Upload
            accept=".csv,.xlsx,.jsonl"
            showUploadList={false}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file">
              {t('imports.chooseFile')}
            </Button>
          </Upload>
          {file ? <span className="ltr-value">{file.fileName}</span> : null}
        </Space>
        {fileProblem ? <Alert type="error" showIcon title={t(`imports.${fileProblem}`)} style={{ marginBlockStart: 12 }} /> : null}
      </Card>
      <ErrorAlert error={preview.error ?? run.error} />
      {file && report ? (
        <>
          <Card size="small" title={t('imports.mapping')} style={{ marginBlockEnd: 16 }}>
            <MappingEditor columns={report.columns} mapping={mapping} onChange={setMapping} />
          </Card>
          <ImportReportView report={report} />
          {run.isSuccess ? <Alert type="success" showIcon title={t('imports.done', { count: report.imported })} style={{ marginBlockStart: 16 }} /> : null}
          <Space style={{ marginBlockStart: 16 }} wrap>
            <Checkbox checked={skipProblemRows} onChange={(e) => setSkip(e.target.checked)} data-testid="import-skip">
              {t('imports.skipProblemRows')}
            </Checkbox>
            <Button icon={<EyeOutlined />} loading={preview.isPending} onClick={() => preview.mutate({ ...file, mapping })} data-testid="import-preview">
              {t('imports.preview')}
            </Button>
            <Button type="primary" icon={<ImportOutlined />} loading={run.isPending} disabled={run.isSuccess} onClick={() => run.mutate(file)} data-testid="import-run">
              {t('imports.run')}
            </Button>
          </Space>
        </>
      ) : null}
    </section>
  );
}
