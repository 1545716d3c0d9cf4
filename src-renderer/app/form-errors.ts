import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { z } from 'zod';
import type { ApiError } from '../../src-shared/contract';
import { fieldLabel } from '../../src-shared/i18n/field-labels';
import { isMessageKey, localise } from '../../src-shared/i18n/error-messages';
import type { Language } from '../i18n/init';

/** Text of an error in the interface language. */
export function errorText(error: ApiError, lang: Language): string {
  return error.message[lang];
}

/**
 * Puts the server's field errors on the form; paths are the contract's dot paths, which the forms
 * mirror (`beneficiary.nationalId`, `household.0.fullName`). Returns whether any field got one.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  lang: Language,
  knownPaths: (path: string) => boolean,
): boolean {
  let placed = false;
  for (const [path, fieldError] of Object.entries(error.fields ?? {})) {
    if (!knownPaths(path)) continue;
    setError(path as Path<T>, { type: 'server', message: fieldError.message[lang] }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}

/** Contract messages are keys (`validation.required`); this turns one into text with the field's label. */
export function validationText(messageKey: string, path: string, lang: Language): string {
  if (!isMessageKey(messageKey)) return messageKey;
  return localise(messageKey, { field: fieldLabel(path)[lang] })[lang];
}

/**
 * A react-hook-form resolver from a contract schema. Errors keep the contract's message key so they
 * are rendered (and re-rendered on a language switch) by `validationText`; values stay as typed,
 * because the server parses the raw input itself.
 */
export function contractResolver<T extends FieldValues>(schema: z.ZodType): Resolver<T> {
  return (values, _context, options) => {
    const result = schema.safeParse(values);
    if (result.success) return { values, errors: {} };
    const flat: FieldErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (flat[path]) continue;
      flat[path] = { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
