/**
 * The Arabic a printed form shows for the stored English codes of other areas (the interface has its
 * own copies in the renderer's i18n, which the main process cannot import). A code missing here is
 * printed as is rather than refused: a form must never fail for a new enumeration value.
 */
const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  idType: { national_id: 'هوية وطنية', iqama: 'إقامة', passport: 'جواز سفر', none: 'هوية' },
  relation: {
    husband: 'زوج', wife: 'زوجة', father: 'أب', mother: 'أم', son: 'ابن', daughter: 'ابنة', brother: 'أخ', sister: 'أخت', other: 'أخرى',
  },
  caseStatus: { detained: 'موقوف', under_trial: 'قيد المحاكمة', sentenced: 'محكوم', released: 'مفرج عنه' },
  housing: { owned: 'ملك', rented: 'مستأجر', family_home: 'منزل العائلة', charity_housing: 'سكن خيري', other: 'أخرى' },
  service: {
    new_request: 'طلب دعم جديد', follow_up: 'متابعة طلب', delivery: 'استلام خدمة', inquiry: 'استفسار', complaint: 'شكوى أو اقتراح', researcher: 'الباحث الاجتماعي',
  },
  priority: { urgent: 'حالة عاجلة', disabled: 'ذوو الإعاقة', elderly: 'كبار السن', pregnant: 'الحوامل', none: '' },
};

export function printedLabel(group: keyof typeof LABELS | string, code: string | null): string | null {
  if (code === null) return null;
  return LABELS[group]?.[code] ?? code;
}

/** +9665XXXXXXXX (stored) → 05XXXXXXXX (as people write it). */
export function localPhone(e164: string | null): string | null {
  if (!e164) return null;
  return e164.startsWith('+966') ? `0${e164.slice(4)}` : e164;
}
