/**
 * Names of the audit log's actions, in both languages, for the viewer and its exports. An action is
 * the contract method that wrote the entry (or an extra such as `auth.login.failed`); those not named
 * here are shown by their code.
 */
export const AUDIT_ACTION_LABELS: Record<string, { ar: string; en: string }> = {
  'auth.login': { ar: 'تسجيل دخول', en: 'Signed in' },
  'auth.login.failed': { ar: 'محاولة دخول فاشلة', en: 'Failed sign-in' },
  'auth.account.locked': { ar: 'قفل الحساب بعد محاولات فاشلة', en: 'Account locked after failed attempts' },
  'auth.logout': { ar: 'تسجيل خروج', en: 'Signed out' },
  'auth.changePassword': { ar: 'تغيير كلمة المرور', en: 'Changed password' },
  'auth.lock': { ar: 'قفل الشاشة', en: 'Screen locked' },
  'auth.unlock': { ar: 'فتح قفل الشاشة', en: 'Screen unlocked' },
  'auth.unlock.failed': { ar: 'محاولة فتح قفل فاشلة', en: 'Failed unlock' },
  'auth.setIdleLock': { ar: 'تعديل مهلة القفل التلقائي', en: 'Changed the idle lock' },
  'beneficiaries.get': { ar: 'اطّلاع على ملف مستفيد', en: 'Viewed a beneficiary' },
  'beneficiaries.reveal': { ar: 'إظهار حقل محجوب', en: 'Revealed a masked field' },
  'beneficiaries.getForEdit': { ar: 'فتح ملف مستفيد للتعديل', en: 'Opened a beneficiary for editing' },
  'beneficiaries.register': { ar: 'تسجيل مستفيد', en: 'Registered a beneficiary' },
  'beneficiaries.update': { ar: 'تعديل بيانات مستفيد', en: 'Edited a beneficiary' },
  'household.add': { ar: 'إضافة فرد للأسرة', en: 'Added a household member' },
  'household.update': { ar: 'تعديل فرد من الأسرة', en: 'Edited a household member' },
  'household.remove': { ar: 'حذف فرد من الأسرة', en: 'Removed a household member' },
  'users.create': { ar: 'إنشاء مستخدم', en: 'Created a user' },
  'users.update': { ar: 'تعديل مستخدم', en: 'Edited a user' },
  'users.resetPassword': { ar: 'إعادة تعيين كلمة مرور', en: 'Reset a password' },
  'audit.list': { ar: 'اطّلاع على سجل التدقيق', en: 'Viewed the audit log' },
  'audit.export': { ar: 'تصدير سجل التدقيق', en: 'Exported the audit log' },
  'audit.verify': { ar: 'التحقق من سلسلة السجل', en: 'Verified the audit chain' },
};

export function auditActionLabel(action: string, lang: 'ar' | 'en'): string {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? action;
}
