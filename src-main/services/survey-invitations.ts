import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { reportLabel } from '../../src-shared/domain/report-labels';
import { SURVEY_INVITATION_DAYS, surveyUrl } from '../../src-shared/domain/survey-invitations';
import { renderSurveySlip } from '../pdf/survey-slip';
import { sha256Hex } from '../store/content-files';
import { insertTravelling } from '../store/row-writer';
import { survivingId } from '../store/duplicate-reviews';
import { getSetting } from '../store/settings';
import { readEnrolment } from '../store/sync-state';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireActor } from './context';
import { DomainError } from './domain-error';
import { requireRequestInScope } from './requests';

export const surveyInvitationHandlers = {
  /**
   * Prints a one-time survey slip: a random token whose hash travels to head office with the
   * invitation row (service, branch, member of staff, the case it follows), and a QR code of head
   * office's address for it. The token itself is only printed, never stored or logged.
   */
  'surveys.invite': async (ctx, input) => {
    const actor = requireActor(ctx);
    // Made out to the person as they are now: the survivor of a record merged into another.
    let beneficiaryId = input.beneficiaryId ? (await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId)).id : input.beneficiaryId;
    if (input.requestId) beneficiaryId = beneficiaryId ?? (await survivingId(ctx.db, (await requireRequestInScope(ctx, actor, input.requestId)).beneficiary_id));
    // The page is served by head office: a desk not enrolled with it has no address to print.
    const enrolment = await readEnrolment(ctx.db);
    if (!enrolment) throw new DomainError('CONFLICT', 'error.surveyNeedsHeadOffice');

    const token = randomBytes(16).toString('base64url');
    const id = uuidv7();
    const stamp = ctx.stamp();
    const expiresAt = new Date(ctx.now.getTime() + SURVEY_INVITATION_DAYS * 86_400_000).toISOString();
    await insertTravelling(
      ctx.db,
      'survey_invitations',
      { id, branch_id: actor.branchId, token_hash: sha256Hex(token), service: input.service, beneficiary_id: beneficiaryId, request_id: input.requestId, staff_id: actor.id, expires_at: expiresAt },
      stamp,
    );
    const url = surveyUrl(enrolment.serverUrl, token);
    const bytes = await renderSurveySlip({
      associationName: (await getSetting(ctx.db, 'association_name_ar')) ?? '',
      branchName: actor.branchName,
      serviceName: reportLabel('surveyService', input.service, 'ar'),
      url,
      issuedAt: stamp.now,
      expiresAt,
    });
    ctx.describe({ entity: 'survey_invitation', entityId: id, detail: { service: input.service } });
    return { id, url, expiresAt, file: { pdfBase64: bytes.toString('base64'), fileName: `survey-${id}.pdf`, sha256: sha256Hex(bytes) } };
  },
} satisfies Partial<Handlers>;
