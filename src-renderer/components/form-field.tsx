import type { ReactNode } from 'react';
import { Form } from 'antd';
import type { FieldError } from 'react-hook-form';
import { validationText } from '../app/form-errors';
import { useLanguage } from '../app/language';

/**
 * Label, control and error of one form field. The message is either a contract key (client-side
 * check, translated here so it follows the language toggle) or the server's text.
 */
export function FormField({
  label,
  path,
  error,
  extra,
  required,
  children,
}: {
  label: string;
  path: string;
  error: FieldError | undefined;
  extra?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  const { lang } = useLanguage();
  const message = error?.message ? validationText(error.message, path, lang) : undefined;
  return (
    <Form.Item
      label={label}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message ? <span data-testid={`error-${path.split('.').pop() ?? path}`}>{message}</span> : undefined}
      extra={extra}
    >
      {children}
    </Form.Item>
  );
}
