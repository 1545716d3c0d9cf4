import { idsOfPerson } from '../store/duplicate-reviews';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { formSummary, issueForm } from './forms-issue';
import { systemPrinter } from './forms-printing';
import { consentSource, receiptSource, referralSource, supportRequestSource, ticketSource, type Sourced } from './forms-sources';
import { verifyByCode, verifyByFile } from './forms-verify';
import { countPrints, findSignedForm, insertFormPrint, listSignedFormsOfBeneficiary, readFormFile, type SignedFormView } from '../store/signed-forms';
import { uuidv7 } from 'uuidv7';

async function generate(ctx: ServiceContext, source: (ctx: ServiceContext, actor: Actor) => Promise<Sourced>) {
  const actor = requireActor(ctx);
  const { content, subject } = await source(ctx, actor);
  return formSummary(await issueForm(ctx, actor, content, subject));
}

/** A stored form the actor may handle: its beneficiary (or, for a ticket, its branch) is in scope. */
async function formInScope(ctx: ServiceContext, actor: Actor, id: string): Promise<SignedFormView> {
  const form = await findSignedForm(ctx.db, id);
  if (!form) throw new DomainError('NOT_FOUND', 'error.notFound');
  if (form.beneficiary_id) await requireBeneficiaryInScope(ctx, actor, form.beneficiary_id);
  else if (scopedBranch(actor) && form.branch_id !== actor.branchId) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return form;
}

/** The stored bytes, exactly as issued: a copy is never regenerated. */
function storedBytes(ctx: ServiceContext, form: SignedFormView): Buffer {
  const bytes = readFormFile(ctx.store, form.file_sha256);
  if (!bytes) throw new DomainError('NOT_FOUND', 'error.formFileMissing');
  return bytes;
}

/** Records a print or a saved copy; the first print is the original, every later one a copy. */
async function recordCopy(ctx: ServiceContext, actor: Actor, form: SignedFormView, action: 'print' | 'save'): Promise<{ copy: boolean }> {
  const earlier = await countPrints(ctx.db, form.id);
  await insertFormPrint(
    ctx.db,
    { id: uuidv7(), branch_id: actor.branchId, form_id: form.id, action, copy_number: earlier + 1, by_user: actor.id, at: ctx.now.toISOString() },
    ctx.stamp(),
  );
  const copy = action === 'save' || earlier > 0;
  ctx.describe({ entity: 'signed_form', entityId: form.id, detail: { kind: form.kind, action, copy, copyNumber: earlier + 1 } });
  return { copy };
}

function fileOf(form: SignedFormView, bytes: Buffer) {
  return { pdfBase64: bytes.toString('base64'), fileName: `${form.kind}-${form.code}.pdf`, sha256: form.file_sha256 };
}

export const formHandlers = {
  'forms.generateConsent': (ctx, input) => generate(ctx, (c, actor) => consentSource(c, actor, input.beneficiaryId)),
  'forms.generateSupportRequest': (ctx, input) => generate(ctx, (c, actor) => supportRequestSource(c, actor, input.requestId)),
  'forms.generateReferralSlip': (ctx, input) => generate(ctx, (c, actor) => referralSource(c, actor, input.referralId)),
  'forms.generateReceipt': (ctx, input) => generate(ctx, (c, actor) => receiptSource(c, actor, input.requestId)),
  'forms.generateTicket': (ctx, input) => generate(ctx, (c, actor) => ticketSource(c, actor, input.ticketId)),

  'forms.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    const person = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    // A merged person's forms include those signed under the record merged into it.
    const ids = await idsOfPerson(ctx.db, person.id);
    const forms = (await Promise.all(ids.map((id) => listSignedFormsOfBeneficiary(ctx.db, id)))).flat();
    return { items: forms.map(formSummary) };
  },

  'forms.print': async (ctx, input) => {
    const actor = requireActor(ctx);
    const form = await formInScope(ctx, actor, input.id);
    const bytes = storedBytes(ctx, form);
    const { copy } = await recordCopy(ctx, actor, form, 'print');
    const printer = systemPrinter();
    // The dialog must not hold the write transaction open: it is shown once this call has returned.
    if (printer) {
      setImmediate(() => void printer(bytes, form.title));
      return { via: 'system' as const, copy, file: null };
    }
    return { via: 'browser' as const, copy, file: fileOf(form, bytes) };
  },

  'forms.save': async (ctx, input) => {
    const actor = requireActor(ctx);
    const form = await formInScope(ctx, actor, input.id);
    const bytes = storedBytes(ctx, form);
    await recordCopy(ctx, actor, form, 'save');
    return fileOf(form, bytes);
  },

  'forms.verifyCode': async (ctx, input) => verifyByCode(ctx, requireActor(ctx), input.verificationCode),
  'forms.verifyFile': async (ctx, input) => verifyByFile(ctx, requireActor(ctx), Buffer.from(input.pdfBase64, 'base64')),
} satisfies Partial<Handlers>;
