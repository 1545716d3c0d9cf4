import type { Language } from '../../i18n/init';

const FORMATS: Record<Language, Intl.NumberFormat> = {
  ar: new Intl.NumberFormat('ar-SA-u-nu-arab'),
  en: new Intl.NumberFormat('en-GB'),
};

/** Counts in the interface's digits (Arabic-Indic in Arabic), like the dates beside them. */
export function formatCount(value: number, lang: Language): string {
  return FORMATS[lang].format(value);
}
