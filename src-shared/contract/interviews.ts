import { z } from 'zod';
import { INTERVIEW_STEPS } from '../domain/interview-steps';
import { parseDateInput } from '../domain/calendar';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';
import {
  CASE_STATUSES,
  ClockSettings,
  DESK_ROLES,
  HOUSING_TYPES,
  INCOME_SOURCES,
  PRISONER_RELATIONS,
  RequestView,
} from './requests';

/** Largest autosaved draft: a step's form is a few kilobytes; this bounds a runaway client. */
export const DRAFT_MAX_CHARS = 64_000;

/** A date in either calendar, past or future (an expected release date lies ahead). */
const OptionalAnyDate = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const parsed = parseDateInput(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return z.NEVER;
    }
    return parsed.iso;
  });

const Riyals = z.number({ error: 'validation.invalidType' }).int({ error: 'validation.invalidType' }).min(0, { error: 'validation.notNegative' }).max(1_000_000, { error: 'validation.tooLarge' });

/** Step 2's case data, in modelled columns: what the request is for, the prisoner, income and housing. */
export const CaseDataInput = z
  .object({
    requestTypeCode: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(60),
    summary: optionalText(2000),
    prisonerName: requiredText(120),
    prisonerRelation: z.enum(PRISONER_RELATIONS, { error: 'validation.invalidChoice' }),
    prisonName: requiredText(120),
    caseStatus: z.enum(CASE_STATUSES, { error: 'validation.invalidChoice' }),
    expectedReleaseDate: OptionalAnyDate,
    monthlyIncome: Riyals,
    incomeSources: z.array(z.enum(INCOME_SOURCES, { error: 'validation.invalidChoice' })).min(1, { error: 'validation.required' }).max(INCOME_SOURCES.length),
    housingType: z.enum(HOUSING_TYPES, { error: 'validation.invalidChoice' }),
    monthlyRent: Riyals.nullish().transform((v) => v ?? null),
    householdSize: z.number({ error: 'validation.invalidType' }).int().min(1, { error: 'validation.required' }).max(40, { error: 'validation.tooLarge' }),
  })
  .superRefine((value, ctx) => {
    if (value.housingType === 'rented' && (value.monthlyRent === null || value.monthlyRent === 0)) {
      ctx.addIssue({ code: 'custom', path: ['monthlyRent'], message: 'validation.rentRequired' });
    }
  });
export type CaseDataInputRaw = z.input<typeof CaseDataInput>;

export const StepRecord = z.object({
  step: z.enum(INTERVIEW_STEPS),
  outcome: z.string().nullable(),
  completedAt: IsoDateTime,
  completedByName: z.string().nullable(),
});

export const Draft = z.object({
  step: z.enum(INTERVIEW_STEPS),
  data: z.record(z.string(), z.json()),
  savedAt: IsoDateTime,
});

export const InterviewView = z.object({
  id: Id,
  status: z.enum(['open', 'referred', 'completed', 'abandoned']),
  deskUserId: Id,
  deskUserName: z.string().nullable(),
  createdAt: IsoDateTime,
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  beneficiaryNationalId: z.string().nullable(),
  inquiryQuestions: z.string().nullable(),
  inquiryAnswers: z.string().nullable(),
  steps: z.array(StepRecord),
  /** The first step not yet completed: where the wizard opens. */
  currentStep: z.enum(INTERVIEW_STEPS).nullable(),
  draft: Draft.nullable(),
  request: RequestView.nullable(),
});
export type InterviewView = z.infer<typeof InterviewView>;

export const InterviewSummary = z.object({
  id: Id,
  status: z.enum(['open', 'referred', 'completed', 'abandoned']),
  beneficiaryName: z.string().nullable(),
  currentStep: z.enum(INTERVIEW_STEPS).nullable(),
  deskUserName: z.string().nullable(),
  mine: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  draftSavedAt: IsoDateTime.nullable(),
});
export type InterviewSummary = z.infer<typeof InterviewSummary>;

/** Exactly what the applicant signs in step 4; its canonical JSON is hashed and stored with the signature. */
export const SignedData = z.object({
  formVersion: z.literal(1),
  interviewId: Id,
  requestId: Id,
  requestType: z.object({ code: z.string(), nameAr: z.string() }),
  beneficiary: z.object({ id: Id, fullName: z.string(), idType: z.string(), nationalId: z.string().nullable(), phone: z.string().nullable() }),
  household: z.array(z.object({ fullName: z.string(), relation: z.string(), nationalId: z.string().nullable() })),
  prisoner: z.object({ name: z.string().nullable(), relation: z.string().nullable(), prison: z.string().nullable(), caseStatus: z.string().nullable(), expectedReleaseDate: z.string().nullable() }),
  income: z.object({ monthlyIncome: z.number().nullable(), sources: z.array(z.string()), housingType: z.string().nullable(), monthlyRent: z.number().nullable(), householdSize: z.number().nullable() }),
  summary: z.string().nullable(),
  documents: z.array(z.object({ code: z.string(), nameAr: z.string(), verified: z.boolean(), attachmentSha256: z.string().nullable() })),
  referral: z.object({ reason: z.string(), answer: z.string().nullable() }).nullable(),
  declaration: z.string(),
});
export type SignedData = z.infer<typeof SignedData>;

export const Receipt = z.object({
  requestId: Id,
  beneficiaryName: z.string(),
  beneficiaryNationalId: z.string().nullable(),
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  submittedAt: IsoDateTime,
  dueDate: z.string(),
  clock: ClockSettings,
  branchName: z.string(),
  deskUserName: z.string().nullable(),
  dataHash: z.string().nullable(),
});
export type Receipt = z.infer<typeof Receipt>;

const ById = z.object({ id: Id });

export const interviewMethods = {
  // Strict: every field is optional, so a stray object must not start an interview by accident.
  'interviews.start': defineMethod({ input: z.object({ beneficiaryId: Id.nullish() }).strict(), output: InterviewView, access: DESK_ROLES, writes: true }),
  'interviews.listOpen': defineMethod({ input: z.object({}), output: z.object({ items: z.array(InterviewSummary) }), access: DESK_ROLES, writes: false }),
  'interviews.get': defineMethod({ input: ById, output: InterviewView, access: DESK_ROLES, writes: false }),
  'interviews.saveDraft': defineMethod({
    input: z.object({
      id: Id,
      step: z.enum(INTERVIEW_STEPS, { error: 'validation.invalidChoice' }),
      data: z.record(z.string(), z.json()).refine((d) => JSON.stringify(d).length <= DRAFT_MAX_CHARS, { error: 'validation.tooLong' }),
    }),
    output: z.object({ savedAt: IsoDateTime }),
    access: DESK_ROLES,
    writes: true,
  }),
  /** Step 1: the visitor's questions and the answers given. */
  'interviews.recordInquiry': defineMethod({
    input: z.object({ id: Id, questions: requiredText(4000), answers: requiredText(4000) }),
    output: InterviewView,
    access: DESK_ROLES,
    writes: true,
  }),
  'interviews.setBeneficiary': defineMethod({ input: z.object({ id: Id, beneficiaryId: Id }), output: InterviewView, access: DESK_ROLES, writes: true }),
  'interviews.saveCaseData': defineMethod({ input: z.object({ id: Id, caseData: CaseDataInput }), output: InterviewView, access: DESK_ROLES, writes: true }),
  /** Step 2 done: identity re-checked, case data present, every required document seen and verified. */
  'interviews.completeVerification': defineMethod({
    input: z.object({ id: Id, identityChecked: z.literal(true, { error: 'validation.identityChecked' }) }),
    output: InterviewView,
    access: DESK_ROLES,
    writes: true,
  }),
  /** Step 3 done: either the researcher answered the referral, or none was needed. */
  'interviews.completeReferralStep': defineMethod({
    input: z.object({ id: Id, outcome: z.enum(['answered', 'not_needed'], { error: 'validation.invalidChoice' }) }),
    output: InterviewView,
    access: DESK_ROLES,
    writes: true,
  }),
  'interviews.attestation': defineMethod({
    input: ById,
    output: z.object({ data: SignedData, canonical: z.string(), dataHash: z.string() }),
    access: DESK_ROLES,
    writes: false,
  }),
  /** Step 4: the applicant signs the summary whose hash the screen showed. */
  'interviews.sign': defineMethod({
    input: z.object({
      id: Id,
      signerName: requiredText(120),
      signaturePngBase64: z.string({ error: 'validation.signatureEmpty' }).min(1, { error: 'validation.signatureEmpty' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.base64' }),
      dataHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidFormat' }),
    }),
    output: InterviewView,
    access: DESK_ROLES,
    writes: true,
  }),
  /** Step 5: the request goes to the committee and its clock starts. */
  'interviews.submit': defineMethod({ input: ById, output: InterviewView, access: DESK_ROLES, writes: true }),
  /** Step 6: registration completed; step 7 follows with the committee's decision and the delivery. */
  'interviews.completeRegistration': defineMethod({ input: ById, output: InterviewView, access: DESK_ROLES, writes: true }),
  'interviews.receipt': defineMethod({ input: ById, output: Receipt, access: DESK_ROLES, writes: false }),
};
