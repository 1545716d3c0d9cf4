import type { LocalisedText } from '../contract/errors';

/** Labels of input fields, keyed by the last segment of the field path, for error messages. */
export const FIELD_LABELS: Record<string, LocalisedText> = {
  firstName: { ar: 'الاسم الأول', en: 'First name' },
  fatherName: { ar: 'اسم الأب', en: 'Father’s name' },
  grandfatherName: { ar: 'اسم الجد', en: 'Grandfather’s name' },
  familyName: { ar: 'اسم العائلة', en: 'Family name' },
  latinName: { ar: 'الاسم باللاتينية', en: 'Name in Latin letters' },
  idType: { ar: 'نوع الهوية', en: 'ID type' },
  nationalId: { ar: 'رقم الهوية/الإقامة', en: 'ID number' },
  nationality: { ar: 'الجنسية', en: 'Nationality' },
  gender: { ar: 'الجنس', en: 'Gender' },
  birthDate: { ar: 'تاريخ الميلاد', en: 'Birth date' },
  phonePrimary: { ar: 'الجوال', en: 'Mobile' },
  phoneSecondary: { ar: 'جوال آخر', en: 'Other mobile' },
  city: { ar: 'المدينة/القرية', en: 'City/village' },
  governorate: { ar: 'المحافظة', en: 'Governorate' },
  address: { ar: 'العنوان', en: 'Address' },
  notes: { ar: 'ملاحظات', en: 'Notes' },
  fullName: { ar: 'الاسم الكامل', en: 'Full name' },
  relation: { ar: 'صلة القرابة', en: 'Relation' },
  isPrisoner: { ar: 'سجين', en: 'Prisoner' },
  username: { ar: 'اسم المستخدم', en: 'Username' },
  password: { ar: 'كلمة المرور', en: 'Password' },
  currentPassword: { ar: 'كلمة المرور الحالية', en: 'Current password' },
  newPassword: { ar: 'كلمة المرور الجديدة', en: 'New password' },
  displayName: { ar: 'الاسم الظاهر', en: 'Display name' },
  role: { ar: 'الدور', en: 'Role' },
  branchId: { ar: 'الفرع', en: 'Branch' },
  branchScope: { ar: 'نطاق الفروع', en: 'Branch scope' },
  associationNameAr: { ar: 'اسم الجمعية', en: 'Association name' },
  associationNameEn: { ar: 'اسم الجمعية بالإنجليزية', en: 'Association name in English' },
  code: { ar: 'رمز الفرع', en: 'Branch code' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Arabic name' },
  nameEn: { ar: 'الاسم بالإنجليزية', en: 'English name' },
  query: { ar: 'نص البحث', en: 'Search text' },
  id: { ar: 'المعرّف', en: 'Identifier' },
  contentBase64: { ar: 'محتوى الملف', en: 'File content' },
  format: { ar: 'صيغة الملف', en: 'File format' },
  fileName: { ar: 'اسم الملف', en: 'File name' },
};

export function fieldLabel(path: string): LocalisedText {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1] ?? path;
  return FIELD_LABELS[last] ?? { ar: last, en: last };
}
