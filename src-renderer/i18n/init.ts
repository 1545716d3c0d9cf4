import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { en } from './en';

export type Language = 'ar' | 'en';

const STORAGE_KEY = 'mamen.language';

export function savedLanguage(): Language {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
}

export function rememberLanguage(lang: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
}

/** Arabic is the default; English is a toggle, remembered per machine. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { ar: { translation: ar }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'ar',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
