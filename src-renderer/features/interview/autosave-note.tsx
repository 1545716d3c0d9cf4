import { useTranslation } from 'react-i18next';
import type { AutosaveState } from './use-interview';

/** A quiet line telling the desk its typing is safe. */
export function AutosaveNote({ state }: { state: AutosaveState }) {
  const { t, i18n } = useTranslation();
  if (state.saving) return <span className="interview-autosave">{t('interview.wizard.saving')}</span>;
  if (!state.savedAt) return null;
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ar-SA-u-nu-arab', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Asia/Riyadh' }).format(new Date(state.savedAt));
  return (
    <span className="interview-autosave" data-testid="autosave-note">
      {t('interview.wizard.autosaved', { time })}
    </span>
  );
}
