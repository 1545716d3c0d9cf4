import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNEL_CODES, CONTACT_CHANNEL_NAMES, CONTACT_CHANNELS, isContactChannel } from '../../src-shared/domain/contact-channels';
import { ContactInput } from '../../src-shared/contract/contacts';

describe('the eight channels of the policy', () => {
  it('lists exactly the policy’s eight channels, in its order, with their Arabic names', () => {
    expect(CONTACT_CHANNELS.map((c) => [c.code, c.ar])).toEqual([
      ['in_person_interview', 'المقابلة'],
      ['phone', 'الاتصالات الهاتفية'],
      ['social_media', 'وسائل التواصل الاجتماعي'],
      ['letters', 'الخطابات'],
      ['help_request_services', 'خدمات طلب المساعدة'],
      ['volunteering', 'خدمة التطوع'],
      ['website', 'موقع الجمعية'],
      ['branch_representative', 'مندوبي المكاتب الفرعية'],
    ]);
  });

  it('names every code in both languages', () => {
    for (const code of CONTACT_CHANNEL_CODES) {
      expect(CONTACT_CHANNEL_NAMES[code].ar).toMatch(/[\u0600-\u06ff]/);
      expect(CONTACT_CHANNEL_NAMES[code].en).toMatch(/[A-Za-z]/);
    }
  });

  it('recognises only its own codes', () => {
    expect(isContactChannel('phone')).toBe(true);
    expect(isContactChannel('fax')).toBe(false);
    expect(isContactChannel('Phone')).toBe(false);
  });
});

describe('contact input', () => {
  const base = { channel: 'phone', direction: 'inbound', contactKind: 'inquiry', subject: 'استفسار', outcome: 'answered' };

  it('drops the caller’s name and phone when the contact is about a known beneficiary', () => {
    const parsed = ContactInput.parse({ ...base, beneficiaryId: '01950000-0000-7000-8000-000000000001', callerName: 'اسم', callerPhone: '0551234567' });
    expect(parsed).toMatchObject({ callerName: null, callerPhone: null });
  });

  it('reads a follow-up date typed in Hijri as a Gregorian day', () => {
    const parsed = ContactInput.parse({ ...base, followUpOn: '1447/01/01' });
    expect(parsed.followUpOn).toBe('2025-06-26');
  });

  it('refuses an unknown channel and an empty subject', () => {
    const result = ContactInput.safeParse({ ...base, channel: 'fax', subject: ' ' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['channel', 'validation.invalidChoice'],
      ['subject', 'validation.required'],
    ]);
  });
});
