import { CONTACT_CHANNEL_NAMES, type LocalisedName } from './contact-channels';

/**
 * The names reports give the stored codes of other areas (dashboard, exports and the monthly PDF
 * share them so the three always say the same). An unknown code is shown as is, never refused.
 */
const GROUPS: Readonly<Record<string, Readonly<Record<string, LocalisedName>>>> = {
  queueService: {
    new_request: { ar: 'طلب دعم جديد', en: 'New request' },
    follow_up: { ar: 'متابعة طلب', en: 'Follow-up' },
    delivery: { ar: 'استلام خدمة', en: 'Delivery' },
    inquiry: { ar: 'استفسار', en: 'Inquiry' },
    complaint: { ar: 'شكوى أو اقتراح', en: 'Complaint or suggestion' },
    researcher: { ar: 'الباحث الاجتماعي', en: 'Social researcher' },
  },
  requestState: {
    draft: { ar: 'مسودة', en: 'Draft' },
    submitted: { ar: 'مقدّم للجنة', en: 'Submitted' },
    under_study: { ar: 'قيد الدراسة', en: 'Under study' },
    decided_accepted: { ar: 'مقبول', en: 'Accepted' },
    decided_rejected: { ar: 'مرفوض', en: 'Rejected' },
    delivered: { ar: 'تم التسليم', en: 'Delivered' },
    closed: { ar: 'مغلق', en: 'Closed' },
  },
  decisionOutcome: {
    accepted: { ar: 'قبول', en: 'Accepted' },
    rejected: { ar: 'رفض', en: 'Rejected' },
    deferred: { ar: 'تأجيل', en: 'Deferred' },
  },
  surveyService: {
    reception_visit: { ar: 'زيارة الاستقبال', en: 'Reception visit' },
    phone_call: { ar: 'مكالمة هاتفية', en: 'Phone call' },
    delivery: { ar: 'تسليم خدمة', en: 'Delivery' },
    research_visit: { ar: 'زيارة الباحث', en: 'Research visit' },
  },
  surveyChannel: {
    kiosk: { ar: 'جهاز التقييم', en: 'Kiosk' },
    phone: { ar: 'الهاتف', en: 'Phone' },
    qr: { ar: 'رمز QR', en: 'QR code' },
  },
  contactChannel: CONTACT_CHANNEL_NAMES,
};

export type ReportLabelGroup = 'queueService' | 'requestState' | 'decisionOutcome' | 'surveyService' | 'surveyChannel' | 'contactChannel';

export function reportLabel(group: ReportLabelGroup, code: string, locale: 'ar' | 'en' = 'ar'): string {
  return GROUPS[group]?.[code]?.[locale] ?? code;
}

export const HIJRI_MONTH_NAMES_EN = ['Muharram', 'Safar', "Rabi' al-Awwal", "Rabi' al-Thani", 'Jumada al-Ula', 'Jumada al-Akhirah', 'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qi'dah", 'Dhu al-Hijjah'] as const;
export const GREGORIAN_MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const HIJRI_MONTH_NAMES_AR = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'] as const;
export const GREGORIAN_MONTH_NAMES_AR = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'] as const;
