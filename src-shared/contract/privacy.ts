import { z } from 'zod';
import { CONTACT_CHANNEL_CODES } from '../domain/contact-channels';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, RETENTION_KINDS } from '../domain/retention';
import { REGISTRY_READERS, REGISTRY_WRITERS, type Role } from '../domain/roles';
import { defineMethod } from './define';
import { Id, IsoDateTime, optionalText, requiredText } from './common';

/**
 * Personal-data rights (Saudi PDPL): a copy of everything held about a beneficiary, correction
 * requests answered within a set number of days, consent given or withdrawn against the signed
 * consent form, and retention rules that anonymise quiet files.
 */

/** Who hands over a beneficiary's data, decides corrections and previews retention. */
export const PRIVACY_OFFICERS: readonly Role[] = ['manager', 'admin'];
/** Who changes retention rules and anonymises: irreversible, so administrators only. */
export const RETENTION_ADMINS: readonly Role[] = ['admin'];

/** The registry fields a beneficiary may ask to correct (the identity number is corrected with its type). */
export const CORRECTABLE_FIELDS = [
  'firstName', 'fatherName', 'grandfatherName', 'familyName', 'latinName', 'nationalId', 'birthDate',
  'gender', 'nationality', 'phonePrimary', 'phoneSecondary', 'governorate', 'city', 'address',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export const CONSENT_STATUSES = ['given', 'withdrawn'] as const;
export const EXPORT_FORMATS = ['json', 'pdf'] as const;
/** The JSON export's schema: raised whenever its shape changes, so a reader knows what it holds. */
export const EXPORT_SCHEMA_VERSION = 1;
export const DEFAULT_CORRECTION_DAYS = 30;

const Channel = z.enum(CONTACT_CHANNEL_CODES, { error: 'validation.invalidChoice' });

export const CorrectionView = z.object({
  id: Id,
  beneficiaryId: Id,
  beneficiaryName: z.string(),
  field: z.enum(CORRECTABLE_FIELDS),
  requestedValue: z.string().nullable(),
  justification: z.string(),
  channel: z.enum(CONTACT_CHANNEL_CODES),
  status: z.enum(CORRECTION_STATUSES),
  receivedAt: IsoDateTime,
  receivedByName: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  assignedToName: z.string().nullable(),
  decidedAt: IsoDateTime.nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  informed: z.boolean(),
});
export type CorrectionView = z.infer<typeof CorrectionView>;

export const ConsentView = z.object({
  status: z.enum(CONSENT_STATUSES),
  recordedAt: IsoDateTime,
  recordedByName: z.string().nullable(),
  formId: Id.nullable(),
  formCode: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNEL_CODES).nullable(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const ExportRequestView = z.object({
  id: Id,
  channel: z.enum(CONTACT_CHANNEL_CODES),
  requestedAt: IsoDateTime,
  requestedByName: z.string().nullable(),
  deliveredAt: IsoDateTime.nullable(),
  deliveredByName: z.string().nullable(),
  formats: z.array(z.enum(EXPORT_FORMATS)),
});
export type ExportRequestView = z.infer<typeof ExportRequestView>;

export const RightsView = z.object({
  beneficiaryId: Id,
  anonymisedAt: IsoDateTime.nullable(),
  consent: ConsentView.nullable(),
  consentHistory: z.array(ConsentView),
  corrections: z.array(CorrectionView),
  exports: z.array(ExportRequestView),
});
export type RightsView = z.infer<typeof RightsView>;

export const RetentionRuleView = z.object({
  code: z.string(),
  kind: z.enum(RETENTION_KINDS),
  years: z.number().int(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});

const RuleCount = z.object({ code: z.string(), count: z.number().int() });
export const RetentionOutcome = z.object({ byRule: z.array(RuleCount), total: z.number().int(), filesRemoved: z.number().int(), failed: z.number().int() });
export type RetentionOutcome = z.infer<typeof RetentionOutcome>;

export const privacyMethods = {
  'privacy.rights': defineMethod({
    input: z.object({ beneficiaryId: Id }).strict(),
    output: RightsView,
    access: REGISTRY_READERS,
    writes: false,
  }),
  /** The desk records that the beneficiary asked for a copy of their data. */
  'privacy.requestExport': defineMethod({
    input: z.object({ beneficiaryId: Id, channel: Channel }).strict(),
    output: ExportRequestView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  /** Produces the copy (JSON or Arabic PDF) against a recorded request and marks it delivered. */
  'privacy.export': defineMethod({
    input: z.object({ requestId: Id, format: z.enum(EXPORT_FORMATS, { error: 'validation.invalidChoice' }) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), sha256: z.string() }),
    access: PRIVACY_OFFICERS,
    writes: true,
  }),
  'privacy.requestCorrection': defineMethod({
    input: z
      .object({
        beneficiaryId: Id,
        field: z.enum(CORRECTABLE_FIELDS, { error: 'validation.invalidChoice' }),
        requestedValue: optionalText(200),
        justification: requiredText(1000),
        channel: Channel,
        assignedTo: Id.nullish().transform((v) => v ?? null),
      })
      .strict(),
    output: CorrectionView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'privacy.decideCorrection': defineMethod({
    input: z
      .object({
        id: Id,
        outcome: z.enum(['accepted', 'rejected'], { error: 'validation.invalidChoice' }),
        decisionReason: optionalText(1000),
        /** How the beneficiary is told the answer: logged in the contact log. */
        informChannel: Channel,
      })
      .strict()
      .superRefine((value, ctx) => {
        if (value.outcome === 'rejected' && !value.decisionReason) ctx.addIssue({ code: 'custom', path: ['decisionReason'], message: 'validation.required' });
      }),
    output: CorrectionView,
    access: PRIVACY_OFFICERS,
    writes: true,
  }),
  'privacy.openCorrections': defineMethod({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(CorrectionView), correctionDays: z.number().int() }),
    access: PRIVACY_OFFICERS,
    writes: false,
  }),
  'privacy.recordConsent': defineMethod({
    input: z
      .object({
        beneficiaryId: Id,
        status: z.enum(CONSENT_STATUSES, { error: 'validation.invalidChoice' }),
        /** The signed consent form (required when consent is given). */
        formId: Id.nullish().transform((v) => v ?? null),
        channel: Channel.nullish().transform((v) => v ?? null),
      })
      .strict()
      .superRefine((value, ctx) => {
        if (value.status === 'given' && !value.formId) ctx.addIssue({ code: 'custom', path: ['formId'], message: 'validation.required' });
      }),
    output: RightsView,
    access: REGISTRY_WRITERS,
    writes: true,
  }),
  'privacy.retentionSettings': defineMethod({
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(RetentionRuleView), correctionDays: z.number().int() }),
    access: PRIVACY_OFFICERS,
    writes: false,
  }),
  'privacy.saveRetentionSettings': defineMethod({
    input: z
      .object({
        rules: z
          .array(
            z.object({
              code: z.string().min(1).max(40),
              years: z.number({ error: 'validation.invalidType' }).int({ error: 'validation.invalidType' }).min(MIN_RETENTION_YEARS, { error: 'validation.tooSmall' }).max(MAX_RETENTION_YEARS, { error: 'validation.tooLarge' }),
              active: z.boolean(),
            }),
          )
          .max(20),
        correctionDays: z.number({ error: 'validation.invalidType' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.tooSmall' }).max(30, { error: 'validation.tooLarge' }),
      })
      .strict(),
    output: z.object({ rules: z.array(RetentionRuleView), correctionDays: z.number().int() }),
    access: RETENTION_ADMINS,
    writes: true,
  }),
  /** How many files each active rule would anonymise now; changes nothing. */
  'privacy.retentionPreview': defineMethod({
    input: z.object({}).strict(),
    output: RetentionOutcome,
    access: PRIVACY_OFFICERS,
    writes: false,
  }),
  'privacy.retentionRun': defineMethod({
    input: z.object({ confirm: z.literal(true, { error: 'validation.confirmRequired' }) }).strict(),
    output: RetentionOutcome,
    access: RETENTION_ADMINS,
    writes: true,
  }),
};

/** The sections of a data export, in the order the JSON lists and the PDF prints them. */
export const EXPORT_SECTIONS = [
  'merged_records', 'household_members', 'support_requests', 'request_documents', 'interviews', 'interview_steps', 'referrals', 'signatures',
  'research_reports', 'committee_decisions', 'deliveries', 'contacts', 'survey_responses', 'survey_follow_ups',
  'outreach_tasks', 'complaints', 'tickets', 'signed_forms', 'attachments', 'field_history',
  'privacy_consents', 'privacy_corrections', 'privacy_exports',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];
export type ExportRecord = Record<string, unknown>;

/** The JSON copy of everything held about one beneficiary (schema `mamen.subject-export`, version EXPORT_SCHEMA_VERSION). */
export type SubjectExport = {
  schema: 'mamen.subject-export';
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  generatedAt: string;
  generatedBy: { name: string; role: string };
  association: string;
  request: { id: string; channel: string; requestedAt: string };
  beneficiary: ExportRecord & { branch_name: string };
  consent: { status: string; recordedAt: string; formCode: string | null } | null;
  records: Record<ExportSection, ExportRecord[]>;
  fileAccess: Array<{ action: string; at: string; userName: string | null; role: string | null }>;
};
