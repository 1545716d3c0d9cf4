import { Select } from 'antd';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import { useLanguage } from '../../app/language';

/** One of the policy's eight channels, in its order and language. */
export function ChannelSelect({ value, onChange, testId, label }: { value: ContactChannel; onChange(v: ContactChannel): void; testId: string; label: string }) {
  const { lang } = useLanguage();
  return (
    <Select<ContactChannel>
      aria-label={label}
      style={{ minInlineSize: 200 }}
      value={value}
      onChange={onChange}
      data-testid={testId}
      options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))}
    />
  );
}
