import { Input } from 'antd';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatGregorian, formatHijri, parseDateInput } from '../../src-shared/domain/calendar';
import { useLanguage } from '../app/language';
import { FormField } from './form-field';

/** The date typed in either calendar, told back in the other calendar as you type. */
function OtherCalendar({ text }: { text: string }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  if (text.trim() === '') return <div className="date-other-calendar">{t('beneficiary.birthDateHint')}</div>;
  const parsed = parseDateInput(text);
  if (!parsed.ok) return <div className="date-other-calendar">{t('beneficiary.dateUnreadable')}</div>;
  const message =
    parsed.calendar === 'hijri'
      ? t('beneficiary.otherCalendar.gregorian', { date: formatGregorian(parsed.iso, lang) })
      : t('beneficiary.otherCalendar.hijri', { date: formatHijri(parsed.iso, lang) });
  return (
    <div className="date-other-calendar" data-testid="birth-date-other">
      {message}
    </div>
  );
}

export function DateInputField<T extends FieldValues>({
  control,
  name,
  label,
  testId,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  testId: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const text = typeof field.value === 'string' ? field.value : '';
        return (
          <FormField label={label} path={name} error={fieldState.error} extra={<OtherCalendar text={text} />}>
            <Input
              ref={field.ref}
              name={field.name}
              value={text}
              onChange={field.onChange}
              onBlur={field.onBlur}
              dir="ltr"
              inputMode="numeric"
              status={fieldState.error ? 'error' : undefined}
              data-testid={testId}
            />
          </FormField>
        );
      }}
    />
  );
}
