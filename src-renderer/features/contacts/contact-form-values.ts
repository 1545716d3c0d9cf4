import type { ContactEntry, ContactInputRaw } from '../../../src-shared/contract/contacts';

/** The contact form as typed: every field a string (or null), parsed by the contract on save. */
export type ContactFormValues = {
  contact: {
    beneficiaryId: string | null;
    callerName: string;
    callerPhone: string;
    channel: string;
    direction: string;
    contactKind: string;
    subject: string;
    details: string;
    outcome: string;
    nextStep: string;
    followUpOn: string;
    occurredAt: string | null;
  };
};

export function emptyContact(beneficiaryId: string | null): ContactFormValues {
  return {
    contact: {
      beneficiaryId,
      callerName: '',
      callerPhone: '',
      channel: '',
      direction: 'inbound',
      contactKind: 'inquiry',
      subject: '',
      details: '',
      outcome: 'answered',
      nextStep: '',
      followUpOn: '',
      occurredAt: null,
    },
  };
}

export function contactValues(entry: ContactEntry): ContactFormValues {
  return {
    contact: {
      beneficiaryId: entry.beneficiaryId,
      callerName: entry.callerName ?? '',
      callerPhone: entry.callerPhone ?? '',
      channel: entry.channel,
      direction: entry.direction,
      contactKind: entry.contactKind,
      subject: entry.subject,
      details: entry.details ?? '',
      outcome: entry.outcome,
      nextStep: entry.nextStep ?? '',
      followUpOn: entry.followUpOn ?? '',
      // A correction keeps when the exchange happened.
      occurredAt: entry.occurredAt,
    },
  };
}

/** What the form sends: the raw strings; the contract normalises phones, dates and empties. */
export function contactInput(values: ContactFormValues): ContactInputRaw {
  return values.contact as ContactInputRaw;
}
