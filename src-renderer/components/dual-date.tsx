import { formatGregorian, formatHijri } from '../../src-shared/domain/calendar';
import { useLanguage } from '../app/language';

/** A date in Hijri (Umm al-Qura) with the Gregorian beside it, as the policy itself writes dates. */
export function DualDate({ value, inline }: { value: string | Date | null; inline?: boolean }) {
  const { lang } = useLanguage();
  if (value === null || value === '') return <span>—</span>;
  const hijri = formatHijri(value, lang);
  const gregorian = formatGregorian(value, lang);
  if (inline) {
    return (
      <span>
        {hijri} <span className="dual-date-secondary">({gregorian})</span>
      </span>
    );
  }
  return (
    <span>
      <span>{hijri}</span>
      <br />
      <span className="dual-date-secondary">{gregorian}</span>
    </span>
  );
}

/** A timestamp: date in both calendars plus the time of day in Riyadh. */
export function DateTimeText({ value }: { value: string }) {
  const { lang } = useLanguage();
  const time = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-nu-arab' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  }).format(new Date(value));
  return (
    <span>
      <DualDate value={value} inline /> <span className="dual-date-secondary">{time}</span>
    </span>
  );
}
