import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/language';

/** Switches Arabic (RTL) ⇄ English (LTR); the label names the language you switch to. */
export function LanguageToggle({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  const { toggle } = useLanguage();
  return (
    <Button icon={<GlobalOutlined />} ghost={ghost} onClick={toggle} data-testid="lang-toggle">
      {t('lang.toggle')}
    </Button>
  );
}
