import type { FormContent, FormKind } from '../../../src-shared/contract/forms';
import { DATA_CONSENT_CLAUSES } from '../../../src-shared/domain/data-consent';
import { encodePng } from '../../../src-main/pdf/png-image';

/**
 * Realistic content for each of the seven forms (a Jazan family, an Arabic name with a Latin
 * transliteration, Arabic-Indic and Latin digits, brackets), for tests and the benchmark.
 */

/** A handwritten-looking stroke on a transparent canvas, as signature_pad exports it. */
export function signaturePng(width = 360, height = 120): string {
  const pixels = new Uint8Array(width * height * 4);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const at = (py * width + px) * 4;
        pixels.set([20, 30, 90, 255], at);
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0015) {
    const x = 20 + t * (width - 40);
    ink(x, height / 2 + Math.sin(t * 14) * 28 * (1 - t) + Math.cos(t * 31) * 8);
  }
  for (let t = 0; t <= 1; t += 0.004) ink(width * 0.55 + t * 90, height * 0.78 - t * 12);
  return encodePng({ width, height, pixels }).toString('base64');
}

/** A transparent canvas nobody signed on. */
export function blankPng(width = 360, height = 120): string {
  return encodePng({ width, height, pixels: new Uint8Array(width * height * 4) }).toString('base64');
}

const FRAME = {
  associationName: 'جمعية مأمن لرعاية السجناء والمفرج عنهم وأسرهم',
  branchName: 'المقر الرئيسي — جازان',
  issuedAt: '2025-02-27T09:41:00.000Z',
};

const APPLICANT = { fullName: 'فاطمة علي حسن الزهراني', idLabel: 'هوية وطنية', idNumber: '1087654321', phone: '+966551234567' };

const DOCUMENTS = [
  { name: 'صورة الهوية الوطنية أو الإقامة', status: 'verified' as const },
  { name: 'صورة سجل الأسرة', status: 'verified' as const },
  { name: 'إفادة من السجن بحالة السجين', status: 'seen' as const },
  { name: 'إثبات الدخل (تعريف راتب أو الضمان الاجتماعي)', status: 'missing' as const },
];

const DECLARATION =
  'أقر أنا الموقّع أدناه بأن جميع البيانات والمستندات المقدمة في هذا الطلب صحيحة وكاملة، وأتحمل المسؤولية المباشرة عن صحتها، وأعلم أن الطلب يُحال إلى لجنة البحث لدراسته والرد عليه بالقبول أو الرفض.';

export function sampleForms(signature = signaturePng()): { [K in FormKind]: Extract<FormContent, { kind: K }> } {
  return {
    support_request: {
      kind: 'support_request',
      data: {
        ...FRAME,
        applicant: APPLICANT,
        request: {
          reference: 'HQ-2025-00042',
          typeName: 'سداد إيجار السكن',
          summary: 'زوج المتقدمة موقوف منذ (٨) أشهر، والأسرة من ٥ أفراد بلا دخل ثابت، وعليها إيجار متأخر لثلاثة أشهر لدى مكتب عقار Al-Rashid.',
          prisonerName: 'محمد عبدالله أحمد الزهراني',
          prisonerRelation: 'زوج',
          prisonName: 'سجن جازان العام',
          caseStatus: 'موقوف على ذمة قضية مالية',
          monthlyIncome: 1200,
          householdSize: 5,
          housingType: 'مستأجر',
          monthlyRent: 1500,
        },
        documents: DOCUMENTS,
        attestation: DECLARATION,
        signature: { imagePng: signature, signerName: APPLICANT.fullName, signedAt: '2025-02-27T09:40:12.000Z', signedDataHash: 'a3f1c09be2d84417b6c5e0f9d2a7183c4b5e6f708192a3b4c5d6e7f8091a2b3c' },
        receptionistName: 'نورة أحمد الحازمي',
      },
    },
    data_consent: {
      kind: 'data_consent',
      data: { ...FRAME, person: APPLICANT, clauses: [...DATA_CONSENT_CLAUSES], receptionistName: 'نورة أحمد الحازمي' },
    },
    researcher_referral: {
      kind: 'researcher_referral',
      data: {
        ...FRAME,
        beneficiary: APPLICANT,
        referral: {
          reference: 'REF-2025-0117',
          reason: 'لم تتضح للمراجِعة شروط مساعدة الإيجار ومدة دراسة الطلب (١٤ يوماً)، وتسأل عن إمكانية الجمع بينها وبين السلة الغذائية.',
          referredAt: '2025-02-27T09:20:00.000Z',
          referredByName: 'نورة أحمد الحازمي',
          requestReference: 'HQ-2025-00042',
        },
      },
    },
    submission_receipt: {
      kind: 'submission_receipt',
      data: {
        ...FRAME,
        applicant: APPLICANT,
        request: { reference: 'HQ-2025-00042', typeName: 'سداد إيجار السكن', submittedAt: '2025-02-27T09:45:00.000Z', dueDate: '2025-03-13', committeeDays: 14 },
        documents: DOCUMENTS,
        receptionistName: 'نورة أحمد الحازمي',
      },
    },
    queue_ticket: {
      kind: 'queue_ticket',
      data: { ...FRAME, ticket: { number: 'A-017', serviceName: 'طلب دعم جديد', priorityName: 'أولوية: كبار السن وذوو الإعاقة', waitingAhead: 4 } },
    },
    committee_decision: {
      kind: 'committee_decision',
      data: {
        ...FRAME,
        issuedAt: '2025-03-10T11:00:00.000Z',
        beneficiary: APPLICANT,
        request: { reference: 'HQ-2025-00042', typeName: 'سداد إيجار السكن', submittedAt: '2025-02-27T09:45:00.000Z' },
        decision: {
          outcome: 'rejected',
          reason: 'لم تُستكمل مستندات إثبات الدخل خلال المهلة، ويمكن إعادة التقديم بعد إرفاق تعريف الراتب أو إشعار الضمان الاجتماعي (Social Security).',
          decidedAt: '2025-03-10T10:30:00.000Z',
          committeeName: 'لجنة البحث الاجتماعي',
          signatoryName: 'د. خالد يحيى المالكي',
          signatoryTitle: 'رئيس لجنة البحث',
        },
      },
    },
    delivery_acknowledgement: {
      kind: 'delivery_acknowledgement',
      data: {
        ...FRAME,
        issuedAt: '2025-03-16T08:15:00.000Z',
        beneficiary: APPLICANT,
        request: { reference: 'HQ-2025-00042', typeName: 'سداد إيجار السكن' },
        items: [
          { description: 'سداد إيجار ثلاثة أشهر لمكتب العقار', quantity: '4500 ريال' },
          { description: 'سلة غذائية', quantity: '2' },
        ],
        deliveredAt: '2025-03-16T08:10:00.000Z',
        deliveredByName: 'سعيد محمد العريشي',
        signature: { imagePng: signature, signerName: APPLICANT.fullName, signedAt: '2025-03-16T08:12:00.000Z' },
      },
    },
  };
}
