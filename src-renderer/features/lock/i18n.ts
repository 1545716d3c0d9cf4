/** Interface text of the lock screen, mounted under `lock`. */
const ar = {
  title: 'الشاشة مقفلة',
  intro: 'أُقفلت الشاشة حفاظاً على بيانات المستفيدين. أدخل كلمة المرور لمتابعة العمل من حيث توقفت.',
  user: 'المستخدم: {{name}}',
  password: 'كلمة المرور',
  unlock: 'فتح القفل',
  signOut: 'تسجيل الخروج',
  lockNow: 'قفل الشاشة',
  lockNowHint: 'قفل الشاشة الآن (Ctrl+Shift+L)',
};

const en: typeof ar = {
  title: 'Screen locked',
  intro: 'The screen was locked to protect beneficiaries’ data. Enter your password to carry on where you left off.',
  user: 'User: {{name}}',
  password: 'Password',
  unlock: 'Unlock',
  signOut: 'Sign out',
  lockNow: 'Lock screen',
  lockNowHint: 'Lock the screen now (Ctrl+Shift+L)',
};

export const lockText = { ar, en };
