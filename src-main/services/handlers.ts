import type { Handlers } from './handler-types';
import { authHandlers } from './auth';
import { beneficiaryHandlers } from './beneficiaries';
import { contactHandlers } from './contacts';
import { knowledgeHandlers } from './knowledge';
import { timelineHandlers } from './timeline';
import { householdHandlers } from './household';
import { importHandlers } from './imports';
import { queueHandlers } from './queue';
import { setupHandlers } from './setup';
import { systemHandlers } from './system';
import { userHandlers } from './users';
import { attachmentHandlers } from './attachments';
import { interviewHandlers } from './interviews';
import { referralHandlers } from './referrals';
import { requestHandlers } from './requests';
import { formHandlers } from './forms';
import { syncHandlers } from './sync';
import { duplicateReviewHandlers } from './duplicate-reviews';
import { joinBranchHandlers } from './join-branch';
import { syncActionHandlers } from './sync-actions';
import { committeeHandlers } from './committee';
import { deliveryHandlers } from './delivery';
import { surveyHandlers } from './surveys';
import { outreachHandlers } from './outreach';
import { complaintHandlers } from './complaints';
import { reportHandlers } from './reports';
import { privacyHandlers } from './privacy';
import { backupHandlers } from './backups';
import { revealHandlers } from './reveal';
import { auditHandlers } from './audit';
import { sessionLockHandlers } from './session-lock';

/** Every contract method's use case. A missing or extra entry is a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...userHandlers,
  ...beneficiaryHandlers,
  ...householdHandlers,
  ...contactHandlers,
  ...knowledgeHandlers,
  ...timelineHandlers,
  ...systemHandlers,
  ...importHandlers,
  ...queueHandlers,
  ...requestHandlers,
  ...attachmentHandlers,
  ...interviewHandlers,
  ...referralHandlers,
  ...formHandlers,
  ...syncHandlers,
  ...duplicateReviewHandlers,
  ...joinBranchHandlers,
  ...syncActionHandlers,
  ...committeeHandlers,
  ...deliveryHandlers,
  ...surveyHandlers,
  ...outreachHandlers,
  ...complaintHandlers,
  ...reportHandlers,
  ...privacyHandlers,
  ...backupHandlers,
  ...revealHandlers,
  ...auditHandlers,
  ...sessionLockHandlers,
};
