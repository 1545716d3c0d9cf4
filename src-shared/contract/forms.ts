import { z } from 'zod';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, requiredText } from './common';

/**
 * Signed forms: the seven documents a desk prints, each with the data shape it prints (nothing more),
 * and the methods that generate, list, print, save and verify them. The server builds the data from
 * its own records; it never signs what a client asserts.
 */

export const FORM_KINDS = [
  'support_request',
  'data_consent',
  'researcher_referral',
  'submission_receipt',
  'queue_ticket',
  'committee_decision',
  'delivery_acknowledgement',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

const optionalLine = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' }).nullable();
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });
const Amount = z.number().int({ error: 'validation.invalidType' }).min(0, { error: 'validation.notNegative' }).max(10_000_000, { error: 'validation.tooLarge' });

/** A PNG image as base64 ("iVBORw0KGgo" is the PNG signature in base64); ink is checked when drawn. */
export const PngBase64 = z
  .string({ error: 'validation.required' })
  .max(2_000_000, { error: 'validation.tooLong' })
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'validation.base64' })
  .refine((v) => v.startsWith('iVBORw0KGgo'), { error: 'validation.signatureNotPng' });

/** What every form's header prints. */
const Frame = {
  associationName: requiredText(200),
  branchName: requiredText(120),
  issuedAt: IsoDateTime,
};

export const PersonLines = z.object({
  fullName: requiredText(160),
  /** Shown as printed: "هوية وطنية", "إقامة", "جواز سفر". */
  idLabel: requiredText(40),
  idNumber: optionalLine(20),
  phone: optionalLine(20),
});

const DocumentLine = z.object({ name: requiredText(200), status: z.enum(['verified', 'seen', 'missing']) });

const Signature = z.object({
  imagePng: PngBase64,
  signerName: requiredText(160),
  signedAt: IsoDateTime,
});

export const SupportRequestData = z.object({
  ...Frame,
  applicant: PersonLines,
  request: z.object({
    reference: requiredText(40),
    typeName: requiredText(120),
    summary: optionalLine(2000),
    prisonerName: optionalLine(160),
    prisonerRelation: optionalLine(60),
    prisonName: optionalLine(120),
    caseStatus: optionalLine(200),
    monthlyIncome: Amount.nullable(),
    householdSize: z.number().int().min(1).max(60).nullable(),
    housingType: optionalLine(60),
    monthlyRent: Amount.nullable(),
  }),
  documents: z.array(DocumentLine).max(40),
  /** The policy's step 4, as printed above the signature. */
  attestation: requiredText(1200),
  signature: Signature.extend({ signedDataHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidFormat' }) }),
  receptionistName: requiredText(120),
});

export const DataConsentData = z.object({
  ...Frame,
  person: PersonLines,
  clauses: z.array(requiredText(700)).min(1).max(14),
  receptionistName: requiredText(120),
});

export const ResearcherReferralData = z.object({
  ...Frame,
  beneficiary: PersonLines,
  referral: z.object({
    reference: requiredText(40),
    reason: requiredText(1500),
    referredAt: IsoDateTime,
    referredByName: requiredText(120),
    requestReference: optionalLine(40),
  }),
});

export const SubmissionReceiptData = z.object({
  ...Frame,
  applicant: PersonLines,
  request: z.object({
    reference: requiredText(40),
    typeName: requiredText(120),
    submittedAt: IsoDateTime,
    dueDate: IsoDay,
    committeeDays: z.number().int().min(1).max(90),
  }),
  documents: z.array(DocumentLine).max(40),
  receptionistName: requiredText(120),
});

export const QueueTicketData = z.object({
  ...Frame,
  ticket: z.object({
    number: requiredText(12),
    serviceName: requiredText(80),
    priorityName: optionalLine(60),
    waitingAhead: z.number().int().min(0).max(999).nullable(),
  }),
});

export const CommitteeDecisionData = z
  .object({
    ...Frame,
    beneficiary: PersonLines,
    request: z.object({ reference: requiredText(40), typeName: requiredText(120), submittedAt: IsoDateTime }),
    decision: z.object({
      outcome: z.enum(['accepted', 'rejected']),
      reason: optionalLine(2000),
      decidedAt: IsoDateTime,
      committeeName: requiredText(120),
      signatoryName: requiredText(120),
      signatoryTitle: requiredText(120),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.decision.outcome === 'rejected' && !value.decision.reason) {
      ctx.addIssue({ code: 'custom', path: ['decision', 'reason'], message: 'validation.required' });
    }
  });

export const DeliveryAcknowledgementData = z.object({
  ...Frame,
  beneficiary: PersonLines,
  request: z.object({ reference: requiredText(40), typeName: requiredText(120) }),
  items: z.array(z.object({ description: requiredText(200), quantity: optionalLine(40) })).min(1).max(30),
  deliveredAt: IsoDateTime,
  deliveredByName: requiredText(120),
  signature: Signature,
});

/** A form's content: its kind and exactly the data it prints. */
export const FormContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('support_request'), data: SupportRequestData }),
  z.object({ kind: z.literal('data_consent'), data: DataConsentData }),
  z.object({ kind: z.literal('researcher_referral'), data: ResearcherReferralData }),
  z.object({ kind: z.literal('submission_receipt'), data: SubmissionReceiptData }),
  z.object({ kind: z.literal('queue_ticket'), data: QueueTicketData }),
  z.object({ kind: z.literal('committee_decision'), data: CommitteeDecisionData }),
  z.object({ kind: z.literal('delivery_acknowledgement'), data: DeliveryAcknowledgementData }),
]);
export type FormContent = z.infer<typeof FormContent>;
export type FormData<K extends FormKind> = Extract<FormContent, { kind: K }>['data'];

/** Crockford base32, two groups of four: short enough to read over the phone. */
export const VerificationCode = z
  .string({ error: 'validation.required' })
  .transform((raw) => {
    const found = /([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{4})\s*$/i.exec(raw.trim());
    return found ? `${found[1]}-${found[2]}`.toUpperCase() : '';
  })
  .refine((v) => v !== '', { error: 'validation.verificationCode' });

export const FormSummary = z.object({
  id: Id,
  kind: z.enum(FORM_KINDS),
  code: z.string(),
  title: z.string(),
  beneficiaryId: Id.nullable(),
  issuedAt: IsoDateTime,
  issuedByName: z.string().nullable(),
  branchName: z.string(),
  sha256: z.string(),
  status: z.enum(['current', 'superseded']),
  supersedesId: Id.nullable(),
  supersededById: Id.nullable(),
  copies: z.number().int(),
});
export type FormSummary = z.infer<typeof FormSummary>;

export const VERIFY_VERDICTS = ['genuine', 'superseded', 'unknown', 'altered'] as const;
export const VerifyResult = z.object({
  verdict: z.enum(VERIFY_VERDICTS),
  form: FormSummary.nullable(),
  /** The form that replaced a superseded one. */
  replacement: z.object({ code: z.string(), issuedAt: IsoDateTime }).nullable(),
  /** Shown only to staff whose scope covers the beneficiary. */
  subjectName: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

const PdfFile = z.object({ pdfBase64: z.string(), fileName: z.string(), sha256: z.string() });

export const formMethods = {
  'forms.generateConsent': defineMethod({
    input: z.object({ beneficiaryId: Id }).strict(),
    output: FormSummary,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** (a) once the applicant signed in the interview (step 4). */
  'forms.generateSupportRequest': defineMethod({
    input: z.object({ requestId: Id }).strict(),
    output: FormSummary,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** (c) the slip for a referral to the social researcher (step 3). */
  'forms.generateReferralSlip': defineMethod({
    input: z.object({ referralId: Id }).strict(),
    output: FormSummary,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** (d) once the request went to the committee (step 5). */
  'forms.generateReceipt': defineMethod({
    input: z.object({ requestId: Id }).strict(),
    output: FormSummary,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** (e) the 80 mm queue ticket. */
  'forms.generateTicket': defineMethod({
    input: z.object({ ticketId: Id }).strict(),
    output: FormSummary,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'forms.list': defineMethod({
    input: z.object({ beneficiaryId: Id }).strict(),
    output: z.object({ items: z.array(FormSummary) }),
    access: REGISTRY_READERS,
    writes: false,
  }),
  /** Prints the stored bytes: by the system dialog in the desktop app, else handed to the browser. */
  'forms.print': defineMethod({
    input: z.object({ id: Id }).strict(),
    output: z.object({ via: z.enum(['system', 'browser']), copy: z.boolean(), file: PdfFile.nullable() }),
    access: REGISTRY_READERS,
    writes: true,
  }),
  'forms.save': defineMethod({
    input: z.object({ id: Id }).strict(),
    output: PdfFile,
    access: REGISTRY_READERS,
    writes: true,
  }),
  'forms.verifyCode': defineMethod({
    input: z.object({ verificationCode: VerificationCode }).strict(),
    output: VerifyResult,
    access: 'session',
    writes: false,
  }),
  'forms.verifyFile': defineMethod({
    input: z.object({ pdfBase64: z.string().min(1, { error: 'validation.required' }).max(9_000_000, { error: 'validation.tooLong' }) }).strict(),
    output: VerifyResult,
    access: 'session',
    writes: false,
  }),
};
