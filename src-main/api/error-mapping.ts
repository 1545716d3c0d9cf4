import type { z } from 'zod';
import type { ApiError, ErrorCode, FieldError } from '../../src-shared/contract/errors';
import { localise, type MessageKey } from '../../src-shared/i18n/error-messages';
import { fieldMessage, messageKeyForIssue } from '../../src-shared/i18n/issue-messages';
import { fieldLabel } from '../../src-shared/i18n/field-labels';
import type { DomainError } from '../services/domain-error';

export function apiError(code: ErrorCode, messageKey: MessageKey, values: Record<string, string | number> = {}): ApiError {
  return { code, messageKey, message: localise(messageKey, values) };
}

function fieldError(path: string, key: MessageKey): FieldError {
  return { messageKey: key, message: fieldMessage(path, key) };
}

/** Zod issues → the API's validation error: one Arabic/English message per field, and a summary naming them. */
export function validationError(issues: readonly z.core.$ZodIssue[]): ApiError {
  const fields: Record<string, FieldError> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!fields[path]) fields[path] = fieldError(path, messageKeyForIssue(issue));
  }
  const paths = Object.keys(fields);
  const ar = paths.map((p) => fieldLabel(p).ar).join('، ');
  const en = paths.map((p) => fieldLabel(p).en).join(', ');
  return {
    code: 'VALIDATION',
    messageKey: 'error.validation',
    message: { ar: localise('error.validation', { fields: ar }).ar, en: localise('error.validation', { fields: en }).en },
    fields,
  };
}

export function domainErrorToApi(error: DomainError): ApiError {
  const mapped: ApiError = apiError(error.code, error.messageKey, error.options.values);
  const paths = Object.keys(error.options.fields ?? {});
  if (paths.length > 0 && error.options.values?.field === undefined) {
    // A field message used as the summary ("choose a valid value for …") names the fields, in each language.
    const named = (lang: 'ar' | 'en') => paths.map((p) => fieldLabel(p)[lang]).join(lang === 'ar' ? '، ' : ', ');
    mapped.message = {
      ar: localise(error.messageKey, { ...error.options.values, field: named('ar') }).ar,
      en: localise(error.messageKey, { ...error.options.values, field: named('en') }).en,
    };
  }
  if (error.options.fields) {
    mapped.fields = Object.fromEntries(
      Object.entries(error.options.fields).map(([path, key]) => [path, fieldError(path, key)]),
    );
  }
  if (error.options.details !== undefined) mapped.details = error.options.details;
  return mapped;
}
