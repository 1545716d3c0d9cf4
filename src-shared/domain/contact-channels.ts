/**
 * The policy's eight channels for communicating with beneficiaries («القنوات المستخدمة للتواصل مع
 * المستفيدين»), as data: stored as these English codes, shown with the Arabic names the policy uses.
 * The order is the policy's own; forms, lists and reports show them in it.
 */
export const CONTACT_CHANNEL_CODES = [
  'in_person_interview',
  'phone',
  'social_media',
  'letters',
  'help_request_services',
  'volunteering',
  'website',
  'branch_representative',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNEL_CODES)[number];

export type LocalisedName = { ar: string; en: string };

export const CONTACT_CHANNEL_NAMES: Readonly<Record<ContactChannel, LocalisedName>> = {
  in_person_interview: { ar: 'المقابلة', en: 'In-person interview' },
  phone: { ar: 'الاتصالات الهاتفية', en: 'Phone calls' },
  social_media: { ar: 'وسائل التواصل الاجتماعي', en: 'Social media' },
  letters: { ar: 'الخطابات', en: 'Letters' },
  help_request_services: { ar: 'خدمات طلب المساعدة', en: 'Help-request services' },
  volunteering: { ar: 'خدمة التطوع', en: 'Volunteering service' },
  website: { ar: 'موقع الجمعية', en: 'The association’s website' },
  branch_representative: { ar: 'مندوبي المكاتب الفرعية', en: 'Branch-office representatives' },
};

/** The channels in policy order, each with its code and names. */
export const CONTACT_CHANNELS: ReadonlyArray<{ code: ContactChannel } & LocalisedName> = CONTACT_CHANNEL_CODES.map(
  (code) => ({ code, ...CONTACT_CHANNEL_NAMES[code] }),
);

/** Inbound: the beneficiary reached us; outbound: we reached them (the policy asks us to reach out unasked). */
export const CONTACT_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/** What the exchange was: the policy names inquiries and their answers, follow-ups, requirements and suggestions. */
export const CONTACT_KINDS = ['inquiry', 'answer', 'follow_up', 'complaint', 'suggestion'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How it ended, for the desk's follow-up list and the monthly report. */
export const CONTACT_OUTCOMES = ['answered', 'follow_up_needed', 'referred', 'unreachable', 'informed'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export function isContactChannel(code: string): code is ContactChannel {
  return (CONTACT_CHANNEL_CODES as readonly string[]).includes(code);
}

/** A stored preferred channel as a channel, or null when none was chosen (or the code is unknown). */
export function preferredChannelOf(code: string | null): ContactChannel | null {
  return code !== null && isContactChannel(code) ? code : null;
}
