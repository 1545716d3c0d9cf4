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
  'queue.emptyQueue': { ar: 'لا يوجد مراجعون في الانتظار.', en: 'No visitors are waiting.' },
  'queue.ticketFinished': { ar: 'هذه التذكرة منتهية (أُنجزت أو لم يحضر صاحبها أو حُوّلت)، ولا يمكن تغييرها.', en: 'This ticket is finished (done, no-show or transferred) and cannot be changed.' },
  'queue.actionNotAllowed': { ar: 'لا يمكن تنفيذ هذا الإجراء على التذكرة في حالتها الحالية.', en: 'This action is not possible in the ticket’s current state.' },
  'queue.notYourDesk': { ar: 'هذه التذكرة لدى شباك آخر؛ لا يمكن التصرف فيها من شباكك.', en: 'This ticket is at another desk; you cannot act on it from yours.' },
  'queue.otherBranchTicket': { ar: 'هذه التذكرة تابعة لفرع آخر.', en: 'This ticket belongs to another branch.' },
  'queue.deskUnavailable': { ar: 'الشباك غير موجود في فرعك أو غير مفعّل. اختر شباكاً آخر.', en: 'This desk is not in your branch or is inactive. Choose another desk.' },
  'queue.deskNumberTaken': { ar: 'رقم الشباك مستخدم لشباك آخر في الفرع.', en: 'Another desk of the branch already has this number.' },
  'queue.researcherQueueOnly': { ar: 'الباحث الاجتماعي يستدعي من قائمة الباحث فقط؛ اختر شباكاً يخدم قائمة الباحث.', en: 'Social researchers call from the researcher queue only; choose a desk that serves it.' },
  'queue.deskBusy': { ar: 'لدى شباكك التذكرة {number}؛ أنهِها أو سجّل عدم الحضور قبل استدعاء التالي.', en: 'Your desk still has ticket {number}; finish it or record a no-show before calling the next.' },
  'queue.transferSameQueue': { ar: 'التذكرة في هذه القائمة أصلاً؛ اختر خدمة أو شباكاً آخر.', en: 'The ticket is already in that queue; choose another service or desk.' },
  'queue.priorityInactive': { ar: 'هذه الأولوية غير مفعّلة في الفرع.', en: 'This priority is not active at the branch.' },
  'validation.transferTarget': { ar: 'اختر جهة التحويل: خدمة أو شباكاً واحداً.', en: 'Choose where to transfer: one service or one desk.' },
  // Interview and support requests (issue 4, parts 3–4).
  'error.stepOutOfOrder': { ar: 'لا يمكن إكمال الخطوة {step} قبل إكمال الخطوة {missing} من خطوات المقابلة.', en: 'Step {step} cannot be completed before step {missing} of the interview.' },
  'error.stepAlreadyDone': { ar: 'الخطوة {step} من خطوات المقابلة مكتملة مسبقاً.', en: 'Step {step} of the interview is already complete.' },
  'error.interviewClosed': { ar: 'هذه المقابلة مكتملة أو ملغاة ولا يمكن تعديلها.', en: 'This interview is finished or abandoned and cannot be changed.' },
  'error.interviewReferred': { ar: 'المقابلة محالة إلى الباحث الاجتماعي وتنتظر إجابته.', en: 'The interview is referred to the social researcher and awaits the answer.' },
  'error.beneficiaryRequired': { ar: 'اختر المستفيد أو سجّله قبل إكمال هذه الخطوة.', en: 'Choose or register the beneficiary before completing this step.' },
  'error.caseDataRequired': { ar: 'أدخل بيانات الطلب (نوع الدعم وبيانات السجين والدخل والسكن) واحفظها قبل إكمال هذه الخطوة.', en: 'Enter and save the request data (support type, prisoner, income and housing) before completing this step.' },
  'error.identityInvalid': { ar: 'رقم هوية المستفيد غير صحيح (خانة التحقق لا تطابق). صحّح سجله قبل المتابعة.', en: 'The beneficiary’s ID number is not valid (check digit). Correct the record before continuing.' },
  'error.requiredDocumentsMissing': { ar: 'لا يمكن المتابعة: المستندات المطلوبة التالية غير مستلمة أو غير متحقق منها: {documents}.', en: 'Cannot continue: these required documents are missing or not verified: {documents}.' },
  'error.unknownRequestType': { ar: 'نوع الدعم المختار غير معروف.', en: 'The chosen support type is not known.' },
  'error.documentNotInChecklist': { ar: 'هذا المستند ليس من مستندات نوع الدعم المختار.', en: 'This document is not on the checklist of the chosen support type.' },
  'error.verifiedNotSeen': { ar: 'لا يمكن اعتماد مستند لم يُطّلع عليه. علّمه «تم الاطلاع» أولاً.', en: 'A document cannot be verified before it is marked as seen.' },
  'error.dataLocked': { ar: 'وقّع المتقدم على هذه البيانات؛ لا يمكن تعديلها بعد التوقيع.', en: 'The applicant has signed this data; it cannot be changed after signing.' },
  'error.attachmentTooLarge': { ar: 'الملف أكبر من الحد المسموح ({max} ميغابايت). صغّر حجم الصورة أو المسح الضوئي.', en: 'The file is larger than the limit ({max} MB). Reduce the size of the photo or scan.' },
  'error.attachmentType': { ar: 'نوع الملف غير مدعوم. الأنواع المقبولة: PDF و PNG و JPEG.', en: 'This file type is not supported. Accepted types: PDF, PNG and JPEG.' },
  'error.signatureEmpty': { ar: 'التوقيع فارغ. اطلب من المتقدم التوقيع داخل المربع ثم أعد المحاولة.', en: 'The signature is empty. Ask the applicant to sign inside the box and try again.' },
  'error.signedDataChanged': { ar: 'تغيّرت البيانات بعد عرض ملخص الإقرار. اعرض الملخص من جديد واطلب التوقيع عليه.', en: 'The data changed after the attestation summary was shown. Show the summary again and sign it.' },
  'error.referralOpen': { ar: 'توجد إحالة مفتوحة إلى الباحث الاجتماعي لم يُجب عنها بعد.', en: 'A referral to the social researcher is still open and unanswered.' },
  'error.referralNotAnswered': { ar: 'لا توجد إحالة مُجاب عنها لهذه المقابلة.', en: 'This interview has no answered referral.' },
  'error.referralAnswered': { ar: 'أُجيب عن هذه الإحالة مسبقاً.', en: 'This referral has already been answered.' },
  'error.transitionNotAllowed': { ar: 'لا يمكن نقل الطلب إلى هذه الحالة من حالته الحالية.', en: 'The request cannot move to this state from its current state.' },
  'error.transitionRole': { ar: 'دورك لا يسمح بنقل الطلب إلى هذه الحالة.', en: 'Your role does not allow moving the request to this state.' },
  'error.requestStateChanged': { ar: 'تغيّرت حالة الطلب بعد فتحك له. أعد تحميله.', en: 'The request’s state changed after you opened it. Reload it.' },
  'error.requestNotSubmitted': { ar: 'لم يُقدَّم الطلب إلى لجنة البحث بعد؛ لا يوجد إيصال.', en: 'The request has not been submitted to the committee yet; there is no receipt.' },
  'error.submitThroughInterview': { ar: 'يُقدَّم الطلب من خطوة «بدء مهلة اللجنة» في المقابلة بعد التوقيع.', en: 'A request is submitted from the committee-clock step of the interview, after signing.' },
  'validation.signatureEmpty': { ar: 'التوقيع فارغ. اطلب من المتقدم التوقيع داخل المربع.', en: 'The signature is empty. Ask the applicant to sign inside the box.' },
  'validation.base64': { ar: 'محتوى الحقل «{field}» ليس ملفاً مرمّزاً صالحاً.', en: '“{field}” is not a valid encoded file.' },
  'validation.notNegative': { ar: 'الحقل «{field}» لا يمكن أن يكون سالباً.', en: '“{field}” cannot be negative.' },
  'validation.tooLarge': { ar: 'قيمة الحقل «{field}» أكبر من المعقول.', en: '“{field}” is larger than plausible.' },
  'validation.rentRequired': { ar: 'أدخل الإيجار الشهري لأن نوع السكن «مستأجر».', en: 'Enter the monthly rent: the housing type is “rented”.' },
  'validation.identityChecked': { ar: 'أكّد أنك طابقت الهوية الأصلية مع البيانات قبل المتابعة.', en: 'Confirm that you matched the original ID with the data before continuing.' },
  'validation.clockDays': { ar: 'مهلة اللجنة يجب أن تكون بين ١ و ٩٠ يوماً.', en: 'The committee deadline must be between 1 and 90 days.' },
  // Contact log and knowledge base (issue 4, parts 5–6).
  'error.contactInFuture': { ar: 'وقت التواصل لا يمكن أن يكون في المستقبل.', en: 'The time of the contact cannot be in the future.' },
  'error.contactAlreadyCorrected': { ar: 'صُحّح هذا القيد أو سُحب من قبل. افتح النسخة الأحدث منه.', en: 'This entry has already been corrected or withdrawn. Open its latest version.' },
  'error.knowledgePdfRequired': { ar: 'اختر ملف PDF للوثيقة.', en: 'Choose the document’s PDF file.' },
  'error.knowledgeFileMissing': { ar: 'ملف الوثيقة غير موجود على هذا الجهاز.', en: 'The document’s file is not on this device.' },
  'validation.knowledgeUnsupportedType': { ar: 'نوع الملف غير مدعوم: تُقبل ملفات PDF فقط، أو نص الوثيقة بصيغة Markdown.', en: 'Unsupported file type: only PDF files are accepted, or the document’s text as Markdown.' },
  'validation.knowledgeFileTooLarge': { ar: 'الملف أكبر من الحد المسموح (٥ ميغابايت).', en: 'The file is larger than the limit (5 MB).' },
  // Signed forms (issue 5).
  'error.formUnprintable': { ar: 'الحقل «{field}» يحتوي على رمز لا يمكن طباعته ({character}). احذفه أو استبدله ثم أعد المحاولة.', en: '“{field}” contains a character that cannot be printed ({character}). Remove or replace it and try again.' },
  'error.formDataIncomplete': { ar: 'بيانات النموذج ناقصة أو أطول من المسموح في الحقل «{field}».', en: 'The form’s data is missing or too long in “{field}”.' },
  'error.formNeedsSignature': { ar: 'لا يمكن إصدار طلب الدعم قبل توقيع المتقدم على الإقرار في المقابلة.', en: 'The support request cannot be issued before the applicant signs the attestation in the interview.' },
  'error.formNeedsSubmission': { ar: 'لا يصدر الإيصال إلا بعد رفع الطلب إلى لجنة البحث.', en: 'The receipt is issued only once the request has gone to the research committee.' },
  'error.formFileMissing': { ar: 'ملف النموذج المحفوظ غير موجود على هذا الجهاز. استخدم شاشة التحقق لمعرفة حالته.', en: 'The stored file of this form is not on this device. Use the verify screen to check it.' },
  'validation.signatureNotPng': { ar: 'صورة التوقيع ليست بصيغة PNG صالحة.', en: 'The signature image is not a valid PNG.' },
  'validation.verificationCode': { ar: 'رمز التحقق من ثمانية أحرف وأرقام، مثل K7M2-QX9P.', en: 'A verification code has eight letters and digits, such as K7M2-QX9P.' },
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
