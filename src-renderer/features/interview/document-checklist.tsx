import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Table, Tag } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RequestDocumentView, RequestView } from '../../../src-shared/contract/requests';
import { ATTACHMENT_MAX_BYTES } from '../../../src-shared/contract/requests';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { interviewKey } from './use-interview';

const ACCEPTED = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The documents the chosen support type asks for: seen, verified, and optionally a scan attached. */
export function DocumentChecklist({ interviewId, request, locked }: { interviewId: string; request: RequestView; locked: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<RequestDocumentView | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: async (input: { doc: RequestDocumentView; seen: boolean; verified: boolean; file?: File }) => {
      let attachmentId = input.doc.attachmentId;
      if (input.file) attachmentId = (await call('attachments.upload', { contentBase64: await toBase64(input.file) })).id;
      return call('requests.markDocument', { requestId: request.id, documentTypeCode: input.doc.code, seen: input.seen, verified: input.verified, attachmentId });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: interviewKey(interviewId) }),
  });

  const onFile = (file: File | undefined) => {
    if (!file || !target) return;
    setLocalError(null);
    // Checked again by the main process (magic bytes); here only to spare a useless upload.
    if (file.size > ATTACHMENT_MAX_BYTES) return setLocalError(t('interview.documents.tooBig'));
    mark.mutate({ doc: target, seen: true, verified: target.verified, file });
  };

  return (
    <div data-testid="document-checklist">
      <input ref={fileInput} type="file" accept={ACCEPTED} hidden data-testid="document-file" onChange={(e) => {
        onFile(e.target.files?.[0]);
        e.target.value = '';
      }} />
      <Table<RequestDocumentView>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={request.documents}
        columns={[
          {
            key: 'name',
            title: t('interview.documents.name'),
            render: (_, doc) => (
              <span>
                {lang === 'en' ? doc.nameEn : doc.nameAr}{' '}
                <Tag color={doc.required ? 'red' : 'default'}>{doc.required ? t('interview.documents.required') : t('interview.documents.optional')}</Tag>
              </span>
            ),
          },
          {
            key: 'seen',
            title: t('interview.documents.seen'),
            render: (_, doc) => (
              <Checkbox checked={doc.seen} disabled={locked || mark.isPending} aria-label={t('interview.documents.seen')} data-testid={`doc-seen-${doc.code}`} onChange={(e) => mark.mutate({ doc, seen: e.target.checked, verified: e.target.checked && doc.verified })} />
            ),
          },
          {
            key: 'verified',
            title: t('interview.documents.verified'),
            render: (_, doc) => (
              <Checkbox checked={doc.verified} disabled={locked || mark.isPending} aria-label={t('interview.documents.verified')} data-testid={`doc-verified-${doc.code}`} onChange={(e) => mark.mutate({ doc, seen: doc.seen || e.target.checked, verified: e.target.checked })} />
            ),
          },
          {
            key: 'attach',
            title: t('interview.documents.attach'),
            render: (_, doc) =>
              doc.attachmentId ? (
                <Tag icon={<PaperClipOutlined />} color="blue" data-testid={`doc-attached-${doc.code}`}>
                  {t('interview.documents.attached')}
                </Tag>
              ) : (
                <Button size="small" icon={<PaperClipOutlined />} disabled={locked} data-testid={`doc-attach-${doc.code}`} onClick={() => {
                  setTarget(doc);
                  fileInput.current?.click();
                }}>
                  {t('interview.documents.attach')}
                </Button>
              ),
          },
        ]}
      />
      {localError ? <Alert type="error" showIcon title={localError} style={{ marginBlockStart: 8 }} /> : null}
      <ErrorAlert error={mark.error} testId="document-error" />
    </div>
  );
}
