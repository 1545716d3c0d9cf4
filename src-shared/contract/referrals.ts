import { z } from 'zod';
import { defineMethod } from './define';
import { Id, requiredText } from './common';
import { DESK_ROLES, ReferralView, STUDY_ROLES } from './requests';

/** Policy step 3: the desk refers an applicant to the social researcher, who notes and answers. */
export const referralMethods = {
  'referrals.create': defineMethod({
    input: z.object({ interviewId: Id, reason: requiredText(2000) }),
    output: ReferralView,
    access: DESK_ROLES,
    writes: true,
  }),
  'referrals.list': defineMethod({
    input: z.object({ status: z.enum(['open', 'answered'], { error: 'validation.invalidChoice' }).default('open'), limit: z.number().int().min(1).max(200).default(100) }),
    output: z.object({ items: z.array(ReferralView) }),
    access: STUDY_ROLES,
    writes: false,
  }),
  'referrals.answer': defineMethod({
    input: z.object({ id: Id, researcherNotes: requiredText(4000), answer: requiredText(4000) }),
    output: ReferralView,
    access: STUDY_ROLES,
    writes: true,
  }),
};
