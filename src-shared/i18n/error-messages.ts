import type { LocalisedText } from '../contract/errors';

/**
 * Error and validation messages, shared by the main process (which puts them in every error)
 * and the renderer. `{field}` is replaced by the field's label in the same language.
 */
export const ERROR_MESSAGES = {
  'error.validation': { ar: 'بعض الحقول غير صحيحة: {fields}', en: 'Some fields are not valid: {fields}' },
  'error.unknownMethod': { ar: 'طلب غير معروف للنظام.', en: 'Unknown request.' },
  'error.badRequest': { ar: 'الطلب غير صالح.', en: 'The request is not valid.' },
  'error.unauthenticated': { ar: 'انتهت الجلسة أو لم يتم تسجيل الدخول. سجّل الدخول من جديد.', en: 'You are not signed in or your session has ended. Please sign in again.' },
  'error.forbidden': { ar: 'ليست لديك صلاحية لهذا الإجراء.', en: 'You do not have permission for this action.' },
  'error.outOfScope': { ar: 'هذا السجل تابع لفرع آخر ولا يمكنك الاطلاع عليه.', en: 'This record belongs to another branch and is outside your scope.' },
  'error.notFound': { ar: 'السجل المطلوب غير موجود.', en: 'The requested record does not exist.' },
  'error.conflict': { ar: 'تعارض مع بيانات موجودة.', en: 'This conflicts with existing data.' },
  'error.duplicateNationalId': { ar: 'رقم الهوية مسجّل مسبقاً لمستفيد آخر. افتح سجله بدلاً من إنشاء سجل جديد.', en: 'This ID number is already registered to another beneficiary. Open that record instead of creating a new one.' },
  'error.duplicateReviewRequired': { ar: 'يوجد مستفيدون مشابهون. راجع المرشحين وقرّر قبل الحفظ.', en: 'Similar beneficiaries exist. Review the candidates and decide before saving.' },
  'error.invalidCredentials': { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة.', en: 'Wrong username or password.' },
  'error.accountLocked': { ar: 'تم إيقاف الحساب مؤقتاً بعد محاولات دخول فاشلة متكررة. حاول بعد {minutes} دقيقة أو راجع مدير النظام.', en: 'The account is locked after repeated failed sign-ins. Try again in {minutes} minutes or ask an administrator.' },
  'error.alreadyInitialised': { ar: 'تم إعداد النظام مسبقاً.', en: 'The system has already been set up.' },
  'error.notInitialised': { ar: 'لم يتم إعداد النظام بعد.', en: 'The system has not been set up yet.' },
  'error.staleVersion': { ar: 'عدّل مستخدم آخر هذا السجل بعد فتحك له. أعد فتحه ثم عدّل.', en: 'Someone else changed this record after you opened it. Reopen it and edit again.' },
  'error.importRejected': { ar: 'لم يُستورد أي سجل: في الملف {count} صفاً مرفوضاً. صحّحها أو اختر تجاوزها.', en: 'Nothing was imported: the file has {count} rejected rows. Fix them or choose to skip them.' },
  'error.importUnreadable': { ar: 'تعذّرت قراءة الملف: {reason}', en: 'The file could not be read: {reason}' },
  'error.lastAdmin': { ar: 'لا يمكن إيقاف أو تغيير دور آخر مدير نظام نشط.', en: 'The last active administrator cannot be deactivated or demoted.' },
  'error.usernameTaken': { ar: 'اسم المستخدم مستخدم مسبقاً.', en: 'This username is already taken.' },
  'error.branchCodeTaken': { ar: 'رمز الفرع مستخدم مسبقاً.', en: 'This branch code is already used.' },
  'error.wrongPassword': { ar: 'كلمة المرور الحالية غير صحيحة.', en: 'The current password is wrong.' },
  'error.internal': { ar: 'حدث خطأ غير متوقع ولم يُحفظ شيء. أبلغ الدعم الفني برقم المرجع {ref}.', en: 'An unexpected error occurred and nothing was saved. Report reference {ref} to support.' },

  'validation.required': { ar: 'الحقل «{field}» مطلوب.', en: '“{field}” is required.' },
  'validation.tooShort': { ar: 'الحقل «{field}» قصير جداً.', en: '“{field}” is too short.' },
  'validation.tooLong': { ar: 'الحقل «{field}» أطول من المسموح.', en: '“{field}” is too long.' },
  'validation.invalidType': { ar: 'قيمة الحقل «{field}» غير صالحة.', en: '“{field}” has an invalid value.' },
  'validation.invalidChoice': { ar: 'اختر قيمة صحيحة للحقل «{field}».', en: 'Choose a valid value for “{field}”.' },
  'validation.invalidFormat': { ar: 'صيغة الحقل «{field}» غير صحيحة.', en: '“{field}” is not in a valid format.' },
  'validation.nationalId.length': { ar: 'رقم الهوية/الإقامة يجب أن يتكون من ١٠ أرقام.', en: 'The ID number must have 10 digits.' },
  'validation.nationalId.digits': { ar: 'رقم الهوية/الإقامة يجب أن يحتوي على أرقام فقط.', en: 'The ID number must contain digits only.' },
  'validation.nationalId.prefix': { ar: 'رقم الهوية الوطنية يبدأ بـ ١ ورقم الإقامة يبدأ بـ ٢.', en: 'A national ID starts with 1 and an iqama with 2.' },
  'validation.nationalId.checksum': { ar: 'رقم الهوية/الإقامة غير صحيح (خانة التحقق لا تطابق). تأكد من الرقم.', en: 'The ID number is not valid (its check digit does not match). Check the number.' },
  'validation.nationalId.typeMismatch': { ar: 'نوع الهوية لا يطابق الرقم: الهوية الوطنية تبدأ بـ ١ والإقامة بـ ٢.', en: 'The ID type does not match the number: national IDs start with 1, iqamas with 2.' },
  'validation.passport': { ar: 'رقم الجواز يجب أن يكون من ٥ إلى ١٥ حرفاً أو رقماً لاتينياً.', en: 'A passport number has 5 to 15 Latin letters or digits.' },
  'validation.phone': { ar: 'رقم الجوال غير صحيح. اكتبه بصيغة 05xxxxxxxx.', en: 'The mobile number is not valid. Write it as 05xxxxxxxx.' },
  'validation.date': { ar: 'التاريخ في الحقل «{field}» غير صحيح.', en: 'The date in “{field}” is not valid.' },
  'validation.dateInFuture': { ar: 'التاريخ في الحقل «{field}» لا يمكن أن يكون في المستقبل.', en: '“{field}” cannot be in the future.' },
  'validation.dateTooOld': { ar: 'التاريخ في الحقل «{field}» قديم جداً.', en: '“{field}” is too far in the past.' },
  'validation.arabicName': { ar: 'الحقل «{field}» يجب أن يكون بالحروف العربية.', en: '“{field}” must be written in Arabic letters.' },
  'validation.password': { ar: 'كلمة المرور يجب ألا تقل عن ١٠ أحرف.', en: 'The password must have at least 10 characters.' },
  'validation.username': { ar: 'اسم المستخدم من ٣ إلى ٣٢ حرفاً لاتينياً صغيراً أو رقماً أو (. _ -).', en: 'Usernames have 3–32 lower-case Latin letters, digits or . _ -' },
  'validation.branchCode': { ar: 'رمز الفرع من ٢ إلى ١٠ أحرف لاتينية كبيرة أو أرقام.', en: 'Branch codes have 2–10 upper-case Latin letters or digits.' },

  'import.notUtf8': { ar: 'الملف ليس نصاً بترميز UTF-8 (ربما حُفظ بترميز Windows العربي). احفظه من Excel بصيغة «CSV UTF-8» ثم أعد المحاولة.', en: 'The file is not UTF-8 text (it may be saved in the Windows Arabic encoding). Save it from Excel as "CSV UTF-8" and try again.' },
  'import.notText': { ar: 'الملف ليس ملف نصوص CSV أو JSONL. إن كان ملف Excel فاختر صيغة xlsx.', en: 'The file is not a CSV or JSONL text file. If it is an Excel workbook, choose the xlsx format.' },
  'import.malformedCsv': { ar: 'ملف CSV غير سليم عند السطر {line}: علامة اقتباس غير مغلقة أو صف غير مقروء.', en: 'The CSV file is malformed at line {line}: an unclosed quote or an unreadable row.' },
  'import.malformedXlsx': { ar: 'تعذّر فتح ملف Excel: الملف تالف أو ليس بصيغة xlsx.', en: 'The Excel file could not be opened: it is damaged or not in the xlsx format.' },
  'import.emptyWorkbook': { ar: 'ملف Excel لا يحتوي على أي ورقة عمل.', en: 'The Excel file has no worksheet.' },
  'import.malformedJsonl': { ar: 'السطر {line} في ملف JSONL ليس كائن JSON صالحاً.', en: 'Line {line} of the JSONL file is not a valid JSON object.' },
  'import.noHeadings': { ar: 'الصف الأول من الملف لا يحتوي على عناوين الأعمدة.', en: 'The first row of the file has no column headings.' },
  'import.noRows': { ar: 'الملف لا يحتوي على أي صف بيانات.', en: 'The file has no data rows.' },
  'import.tooManyRows': { ar: 'الملف يحتوي على أكثر من {max} صف. قسّمه إلى ملفات أصغر.', en: 'The file has more than {max} rows. Split it into smaller files.' },
  'import.unknownColumn': { ar: 'العمود «{column}» المحدد في الربط غير موجود في الملف.', en: 'The column “{column}” named in the mapping is not in the file.' },
  'import.unknownField': { ar: 'الحقل «{field}» المحدد في الربط ليس من حقول المستفيد.', en: 'The field “{field}” named in the mapping is not a beneficiary field.' },
} as const satisfies Record<string, LocalisedText>;

export type MessageKey = keyof typeof ERROR_MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ERROR_MESSAGES, key);
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

export function localise(key: MessageKey, values: Record<string, string | number> = {}): LocalisedText {
  const text = ERROR_MESSAGES[key];
  return { ar: fillMessage(text.ar, values), en: fillMessage(text.en, values) };
}
