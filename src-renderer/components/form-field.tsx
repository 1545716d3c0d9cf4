import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
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
  const generatedId = useId();
  // The label names its control (screen readers, axe's "label" rule): the control gets an id unless it has one.
  const control = isValidElement<{ id?: string }>(children) ? (children as ReactElement<{ id?: string }>) : null;
  const controlId = control?.props.id ?? generatedId;
  const message = error?.message ? validationText(error.message, path, lang) : undefined;
  return (
    <Form.Item
      label={label}
      htmlFor={controlId}
      required={required}
      validateStatus={message ? 'error' : undefined}
      help={message ? <span data-testid={`error-${path.split('.').pop() ?? path}`}>{message}</span> : undefined}
      extra={extra}
    >
      {control ? cloneElement(control, { id: controlId }) : children}
    </Form.Item>
  );
}
