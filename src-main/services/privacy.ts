import type { Handlers } from './handler-types';
import { privacyConsentHandlers } from './privacy-consent';
import { privacyCorrectionHandlers } from './privacy-corrections';
import { privacyExportHandlers } from './privacy-export';
import { privacyRetentionHandlers } from './privacy-retention';

/** Personal-data rights (PDPL): access (export), correction, consent, retention. */
export const privacyHandlers = {
  ...privacyConsentHandlers,
  ...privacyExportHandlers,
  ...privacyCorrectionHandlers,
  ...privacyRetentionHandlers,
} satisfies Partial<Handlers>;
