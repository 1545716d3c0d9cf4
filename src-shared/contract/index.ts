import type { z } from 'zod';
import { accountMethods } from './accounts';
import { beneficiaryMethods } from './beneficiaries';
import { systemMethods } from './system';
import { contactMethods } from './contacts';
import { knowledgeMethods } from './knowledge';
import { timelineMethods } from './timeline';
import { interviewMethods } from './interviews';
import { referralMethods } from './referrals';
import { queueMethods } from './queue';
import { requestMethods } from './requests';
import { formMethods } from './forms';
import { syncMethods } from './sync';
import { syncActionMethods } from './sync-actions';
import { duplicateReviewMethods } from './duplicate-reviews';
import { joinBranchMethods } from './join-branch';
import { committeeMethods } from './committee';
import { deliveryMethods } from './delivery';
import { surveyMethods } from './surveys';
import { outreachMethods } from './outreach';
import { complaintMethods } from './complaints';
import { reportMethods } from './reports';
import { privacyMethods } from './privacy';
import { backupMethods } from './backups';
import { revealMethods } from './reveal';
import { auditMethods } from './audit';
import { sessionLockMethods } from './session-lock';

/** Every method of the API, `area.verb` → schemas and access. One table, read by both processes. */
export const contract = { ...accountMethods, ...beneficiaryMethods, ...systemMethods, ...requestMethods, ...interviewMethods, ...referralMethods, ...queueMethods, ...contactMethods, ...knowledgeMethods, ...timelineMethods, ...formMethods, ...syncMethods, ...syncActionMethods, ...duplicateReviewMethods, ...joinBranchMethods, ...committeeMethods, ...deliveryMethods, ...surveyMethods, ...outreachMethods, ...complaintMethods, ...reportMethods, ...revealMethods, ...auditMethods, ...sessionLockMethods, ...backupMethods, ...privacyMethods };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before parsing: raw phone spellings, Hijri dates…). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a service receives (after parsing and normalisation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export type { ApiError, ApiResult, ErrorCode, FieldError, LocalisedText } from './errors';
