import { z } from 'zod';
import { CLOCK_MODES } from '../domain/committee-clock';
import { REQUEST_STATES } from '../domain/request-state';
import { ROLES, REGISTRY_WRITERS, type Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime } from './common';

/** Roles that run interviews at a desk (they also register beneficiaries). */
export const DESK_ROLES: readonly Role[] = REGISTRY_WRITERS;
/** Roles that study requests. */
export const STUDY_ROLES: readonly Role[] = ['researcher', 'committee', 'manager', 'admin'];

export const PRISONER_RELATIONS = ['husband', 'wife', 'father', 'mother', 'son', 'daughter', 'brother', 'sister', 'other'] as const;
export const CASE_STATUSES = ['detained', 'under_trial', 'sentenced', 'released'] as const;
export const HOUSING_TYPES = ['owned', 'rented', 'family_home', 'charity_housing', 'other'] as const;
export const INCOME_SOURCES = ['none', 'salary', 'social_security', 'retirement', 'charity', 'family_support', 'other'] as const;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/**
 * 8 MB: a phone photo or a multi-page scan fits, and its base64 (4/3 larger) still passes the
 * loopback host's 12 MB body limit, so the size message comes from us, not from the transport.
 */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

export const DocumentTypeView = z.object({ code: z.string(), nameAr: z.string(), nameEn: z.string(), required: z.boolean() });
export const RequestTypeView = z.object({ code: z.string(), nameAr: z.string(), nameEn: z.string(), documents: z.array(DocumentTypeView) });
export type RequestTypeView = z.infer<typeof RequestTypeView>;

export const RequestDocumentView = DocumentTypeView.extend({
  seen: z.boolean(),
  verified: z.boolean(),
  attachmentId: Id.nullable(),
  attachmentType: z.enum(ATTACHMENT_TYPES).nullable(),
  checkedAt: IsoDateTime.nullable(),
});
export type RequestDocumentView = z.infer<typeof RequestDocumentView>;

export const ReferralView = z.object({
  id: Id,
  interviewId: Id,
  requestId: Id.nullable(),
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'answered']),
  referredAt: IsoDateTime,
  referredByName: z.string().nullable(),
  researcherName: z.string().nullable(),
  researcherNotes: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: IsoDateTime.nullable(),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const SignatureView = z.object({
  id: Id,
  signerName: z.string(),
  attachmentId: Id,
  dataHash: z.string(),
  signedAt: IsoDateTime,
  witnessedByName: z.string().nullable(),
});

export const StateChange = z.object({
  from: z.enum(REQUEST_STATES).nullable(),
  to: z.enum(REQUEST_STATES),
  at: IsoDateTime,
  byName: z.string().nullable(),
});

export const CaseData = z.object({
  requestTypeCode: z.string(),
  summary: z.string().nullable(),
  prisonerName: z.string().nullable(),
  prisonerRelation: z.enum(PRISONER_RELATIONS).nullable(),
  prisonName: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  expectedReleaseDate: z.string().nullable(),
  monthlyIncome: z.number().int().nullable(),
  incomeSources: z.array(z.enum(INCOME_SOURCES)),
  housingType: z.enum(HOUSING_TYPES).nullable(),
  monthlyRent: z.number().int().nullable(),
  householdSize: z.number().int().nullable(),
});
export type CaseData = z.infer<typeof CaseData>;

export const RequestView = z.object({
  id: Id,
  branchId: Id,
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  beneficiaryNationalId: z.string().nullable(),
  interviewId: Id.nullable(),
  state: z.enum(REQUEST_STATES),
  caseData: CaseData,
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  submittedAt: IsoDateTime.nullable(),
  dueDate: z.string().nullable(),
  clockDays: z.number().int().nullable(),
  clockMode: z.enum(CLOCK_MODES).nullable(),
  createdAt: IsoDateTime,
  stateChangedAt: IsoDateTime,
  documents: z.array(RequestDocumentView),
  referral: ReferralView.nullable(),
  signature: SignatureView.nullable(),
  history: z.array(StateChange),
  /** States the caller's role may move this request to now. */
  nextStates: z.array(z.enum(REQUEST_STATES)),
});
export type RequestView = z.infer<typeof RequestView>;

export const RequestSummary = z.object({
  id: Id,
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  requestTypeCode: z.string(),
  requestTypeNameAr: z.string(),
  requestTypeNameEn: z.string(),
  state: z.enum(REQUEST_STATES),
  submittedAt: IsoDateTime.nullable(),
  dueDate: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const ClockSettings = z.object({
  days: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.clockDays' }).max(90, { error: 'validation.clockDays' }),
  mode: z.enum(CLOCK_MODES, { error: 'validation.invalidChoice' }),
});

const Base64 = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.base64' });

export const requestMethods = {
  'requests.types': defineMethod({
    input: z.object({}),
    output: z.object({ types: z.array(RequestTypeView) }),
    access: 'session',
    writes: false,
  }),
  'requests.list': defineMethod({
    input: z.object({
      states: z.array(z.enum(REQUEST_STATES, { error: 'validation.invalidChoice' })).max(7).default([]),
      beneficiaryId: Id.nullish(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(RequestSummary) }),
    access: ROLES,
    writes: false,
  }),
  'requests.get': defineMethod({
    input: z.object({ id: Id }),
    output: RequestView,
    access: ROLES,
    writes: true, // every view of a case is audited, as in the registry
  }),
  /** The generic guarded move along the state machine; the service checks the edge and the role. */
  'requests.transition': defineMethod({
    input: z.object({
      id: Id,
      to: z.enum(REQUEST_STATES, { error: 'validation.invalidChoice' }),
      expectedState: z.enum(REQUEST_STATES, { error: 'validation.invalidChoice' }),
    }),
    output: RequestView,
    access: ROLES,
    writes: true,
  }),
  'requests.markDocument': defineMethod({
    input: z.object({
      requestId: Id,
      documentTypeCode: z.string().min(1).max(60),
      seen: z.boolean(),
      verified: z.boolean(),
      attachmentId: Id.nullish(),
    }),
    output: RequestView,
    access: DESK_ROLES,
    writes: true,
  }),
  'requests.clockSettings': defineMethod({
    input: z.object({}),
    output: ClockSettings,
    access: 'session',
    writes: false,
  }),
  'requests.setClockSettings': defineMethod({
    input: ClockSettings,
    output: ClockSettings,
    access: ['manager', 'admin'],
    writes: true,
  }),
  'attachments.upload': defineMethod({
    input: z.object({ contentBase64: Base64 }),
    output: z.object({ id: Id, sha256: z.string(), mimeType: z.enum(ATTACHMENT_TYPES), sizeBytes: z.number().int(), deduplicated: z.boolean() }),
    access: DESK_ROLES,
    writes: true,
  }),
  'attachments.get': defineMethod({
    input: z.object({ id: Id }),
    output: z.object({ id: Id, mimeType: z.enum(ATTACHMENT_TYPES), contentBase64: z.string() }),
    access: ROLES,
    writes: true, // a scanned document is personal data: every view is audited
  }),
};
