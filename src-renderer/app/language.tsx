import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import arEG from 'antd/locale/ar_EG';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../i18n/init';

type LanguageContextValue = { lang: Language; toggle: () => void };

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (value === null) throw new Error('useLanguage outside LanguageProvider');
  return value;
}

/** Direction and language flow from one place: <html dir/lang>, antd's direction and locale, i18next. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [lang, setLang] = useState<Language>(i18n.language === 'en' ? 'en' : 'ar');
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = i18n.t('app.title');
  }, [lang, dir, i18n]);

  const toggle = useCallback(() => {
    const next: Language = lang === 'ar' ? 'en' : 'ar';
    void i18n.changeLanguage(next);
    rememberLanguage(next);
    setLang(next);
  }, [lang, i18n]);

  const value = useMemo(() => ({ lang, toggle }), [lang, toggle]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider
        direction={dir}
        locale={lang === 'ar' ? arEG : enUS}
        theme={{
          token: {
            fontFamily: "'Noto Sans Arabic', system-ui, sans-serif",
            colorPrimary: '#0f6b5c',
            borderRadius: 6,
            fontSize: 15,
            // antd's greys for secondary text, hints and placeholders fall below WCAG AA contrast (4.5:1) on white.
            colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
            colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
            colorTextDescription: 'rgba(0, 0, 0, 0.62)',
            colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
            // Links in the brand colour (antd's default blue is 4.1:1 on white).
            colorLink: '#0f6b5c',
          },
          components: {
            // The derived selected-item grey put the brand green at 2.7:1; these read at 8:1.
            Menu: { itemSelectedBg: '#e3f1ed', itemSelectedColor: '#0b5447' },
          },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
