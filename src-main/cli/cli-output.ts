import type { ApiError } from '../../src-shared/contract/errors';
import type { DuplicateReason } from '../../src-shared/domain/duplicate-score';

/** A refusal to show the admin: one Arabic line, one English line, and the exit code. */
export class CliError extends Error {
  /** The API error's structured details, when the refusal came from the API (e.g. an import report). */
  details: unknown = undefined;

  constructor(
    readonly ar: string,
    readonly en: string,
    readonly exitCode = 1,
    /** Further lines (e.g. one per invalid field), each already bilingual. */
    readonly detailLines: string[] = [],
  ) {
    super(en);
    this.name = 'CliError';
  }
}

/** Wrong or missing arguments: exit code 2, as most command-line tools do. */
export function usageError(ar: string, en: string): CliError {
  return new CliError(ar, en, 2);
}

export function apiFailure(error: ApiError): CliError {
  const lines = Object.entries(error.fields ?? {}).map(([path, field]) => `  ${path}: ${field.message.ar} / ${field.message.en}`);
  const failure = new CliError(error.message.ar, error.message.en, 1, lines);
  failure.details = error.details;
  return failure;
}

/** Writes one Arabic line and its English translation (stdout, or stderr when stdout carries data). */
export function say(ar: string, en: string, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(`${ar}\n${en}\n`);
}

export const REASON_LABELS: Readonly<Record<DuplicateReason, { ar: string; en: string }>> = {
  same_national_id: { ar: 'رقم الهوية نفسه', en: 'same ID number' },
  national_id_transposition: { ar: 'رقم هوية بخانتين متبادلتين', en: 'ID number with two digits swapped' },
  same_phone: { ar: 'الجوال نفسه', en: 'same mobile' },
  same_name: { ar: 'الاسم الرباعي نفسه', en: 'same full name' },
  phonetic_name: { ar: 'اسم متشابه في النطق', en: 'name that sounds the same' },
  same_birth_date: { ar: 'تاريخ الميلاد نفسه', en: 'same birth date' },
  relative_same_lineage: { ar: 'النسب نفسه (أخ أو أخت)', en: 'same lineage (a sibling)' },
};

export const KIND_LABELS = {
  duplicate: { ar: 'تكرار محتمل', en: 'likely duplicate' },
  relative: { ar: 'قريب محتمل', en: 'likely relative' },
} as const;

export function reasonLabels(reasons: readonly string[], language: 'ar' | 'en'): string {
  return reasons.map((r) => (r in REASON_LABELS ? REASON_LABELS[r as DuplicateReason][language] : r)).join(language === 'ar' ? '، ' : ', ');
}
