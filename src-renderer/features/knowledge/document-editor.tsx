import { useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  KNOWLEDGE_PDF_MAX_BYTES,
  KNOWLEDGE_TOOLS,
  type KnowledgeDocument,
  type KnowledgeTool,
} from '../../../src-shared/contract/knowledge';
import { isApiCallError } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { readAsBase64 } from '../imports/read-file';
import { useSaveKnowledge } from './use-knowledge';

type Format = 'markdown' | 'pdf';
type Picked = { name: string; base64: string };

/** An administrator adds a document, or fills / replaces one: Markdown text, or a PDF with its text pasted for search. */
export function DocumentEditor({ document, onClose }: { document: KnowledgeDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const save = useSaveKnowledge();
  const fileInput = useRef<HTMLInputElement>(null);
  const [tool, setTool] = useState<KnowledgeTool>(document?.tool ?? 'other');
  const [title, setTitle] = useState(document?.title ?? '');
  const [description, setDescription] = useState(document?.description ?? '');
  const [format, setFormat] = useState<Format>(document?.format ?? 'markdown');
  const [markdown, setMarkdown] = useState(document?.markdown ?? '');
  const [pdfText, setPdfText] = useState(document?.pdfText ?? '');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fieldError = (path: string) => (isApiCallError(save.error) ? save.error.apiError.fields?.[path]?.message[lang] : undefined);

  const pick = async (file: File | undefined) => {
    setPicked(null);
    setFileProblem(null);
    if (!file) return;
    // Checked here for a quick answer; the main process checks again (type by content, size) before writing.
    if (!/\.pdf$/i.test(file.name)) return setFileProblem(t('knowledge.admin.notPdf'));
    if (file.size > KNOWLEDGE_PDF_MAX_BYTES) return setFileProblem(t('knowledge.admin.tooBig'));
    setPicked({ name: file.name, base64: await readAsBase64(file) });
  };

  const submit = () => {
    const content =
      format === 'markdown'
        ? { format, markdown }
        : { format, fileName: picked?.name ?? document?.pdfFileName ?? '', contentBase64: picked?.base64 ?? null, pdfText };
    save.mutate(
      { id: document?.id ?? null, expectedVersion: document?.version ?? null, document: { tool, title, description, content } },
      {
        onSuccess: () => {
          void message.success(t('knowledge.admin.saved'));
          onClose();
        },
      },
    );
  };

  const item = (path: string) => ({ validateStatus: fieldError(path) ? ('error' as const) : undefined, help: fieldError(path) });
  return (
    <Modal open width={860} title={t('knowledge.admin.editorTitle')} okText={t('app.save')} cancelText={t('app.cancel')} confirmLoading={save.isPending} onOk={submit} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('knowledge.admin.tool')} required {...item('document.tool')}>
          <Select<KnowledgeTool> value={tool} onChange={setTool} options={KNOWLEDGE_TOOLS.map((code) => ({ value: code, label: t(`knowledge.tools.${code}`) }))} data-testid="knowledge-edit-tool" />
        </Form.Item>
        <Form.Item label={t('knowledge.admin.docTitle')} required {...item('document.title')}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="knowledge-edit-title" />
        </Form.Item>
        <Form.Item label={t('knowledge.admin.description')} {...item('document.description')}>
          <Input value={description} onChange={(e) => setDescription(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('knowledge.admin.format')}>
          <Radio.Group optionType="button" buttonStyle="solid" value={format} onChange={(e) => setFormat(e.target.value as Format)} options={[
            { value: 'markdown', label: t('knowledge.admin.formats.markdown') },
            { value: 'pdf', label: t('knowledge.admin.formats.pdf') },
          ]} />
        </Form.Item>
        {format === 'markdown' ? (
          <Form.Item label={t('knowledge.admin.markdown')} required extra={t('knowledge.admin.markdownHint')} {...item('document.content.markdown')}>
            <Input.TextArea value={markdown} onChange={(e) => setMarkdown(e.target.value)} autoSize={{ minRows: 10, maxRows: 24 }} data-testid="knowledge-edit-markdown" />
          </Form.Item>
        ) : (
          <>
            <Form.Item label={t('knowledge.admin.pdfFile')} required {...item('document.content.contentBase64')}>
              <input ref={fileInput} type="file" accept="application/pdf,.pdf" hidden onChange={(e) => void pick(e.target.files?.[0])} data-testid="knowledge-edit-file" />
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>{t('knowledge.admin.chooseFile')}</Button>{' '}
              {picked ? <Typography.Text>{picked.name}</Typography.Text> : null}
              {!picked && document?.pdfFileName ? <Typography.Text type="secondary">{t('knowledge.admin.keepFile', { name: document.pdfFileName })}</Typography.Text> : null}
              {fileProblem ? <Alert type="error" showIcon title={fileProblem} style={{ marginBlockStart: 8 }} /> : null}
            </Form.Item>
            <Form.Item label={t('knowledge.admin.pdfText')} extra={t('knowledge.admin.pdfTextHint')} {...item('document.content.pdfText')}>
              <Input.TextArea value={pdfText} onChange={(e) => setPdfText(e.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
