import type { FormInstance } from 'antd';
import { isApiCallError } from '../../app/api-client';
import type { Language } from '../../i18n/init';

/** Puts the server's field errors (`report.needs`, `decision.amount`) on an antd form's fields. */
export function placeFieldErrors(form: FormInstance, error: unknown, prefix: string, lang: Language): void {
  if (!isApiCallError(error)) return;
  const fields = Object.entries(error.apiError.fields ?? {})
    .map(([path, e]) => ({ name: (prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path).split('.'), errors: [e.message[lang]] }));
  if (fields.length > 0) form.setFields(fields);
}
