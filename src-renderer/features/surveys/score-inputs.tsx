import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { formatCount } from '../interview/format-number';
import { FaceIcon } from './face-icon';
import { FACES, NPS_SCALE } from './faces';

/** The five faces as large buttons (a radio group for assistive technology). */
export function FacePicker({ value, onChange, large }: { value: number | null; onChange: (score: number) => void; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={t('surveys.kiosk.csatQuestion')} className={`survey-faces${large ? ' survey-faces-large' : ''}`}>
      {FACES.map((f) => (
        <button
          key={f.score}
          type="button"
          role="radio"
          aria-checked={value === f.score}
          aria-label={t(`surveys.faces.${f.key}`)}
          className={`survey-face${value === f.score ? ' survey-face-chosen' : ''}`}
          onClick={() => onChange(f.score)}
          data-testid={`csat-${f.score}`}
        >
          <FaceIcon score={f.score} size={large ? 72 : 44} />
          <span className="survey-face-label">{t(`surveys.faces.${f.key}`)}</span>
        </button>
      ))}
    </div>
  );
}

/** 0–10, with the meaning of both ends written beside them. */
export function NpsPicker({ value, onChange }: { value: number | null; onChange: (score: number) => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (
    <div>
      <div role="radiogroup" aria-label={t('surveys.kiosk.npsQuestion')} className="survey-nps">
        {NPS_SCALE.map((n) => (
          <button key={n} type="button" role="radio" aria-checked={value === n} className={`survey-nps-button${value === n ? ' survey-face-chosen' : ''}`} onClick={() => onChange(n)} data-testid={`nps-${n}`}>
            {formatCount(n, lang)}
          </button>
        ))}
      </div>
      <div className="survey-nps-ends">
        <span>{t('surveys.kiosk.npsLow')}</span>
        <span>{t('surveys.kiosk.npsHigh')}</span>
      </div>
    </div>
  );
}
