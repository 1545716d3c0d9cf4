/**
 * A printed survey invitation: a random one-time token (128 bits, base64url) in a head-office
 * address. The token carries nothing personal; head office keeps only its SHA-256, and an answer
 * uses it up. It expires SURVEY_INVITATION_DAYS after printing.
 */
export const SURVEY_INVITATION_DAYS = 14;

export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The public page's path under head office. */
export const SURVEY_PAGE_PREFIX = '/s/';

/** The address printed under the QR code: head office's base address (from the desk's sync settings) and the token. */
export function surveyUrl(headOfficeUrl: string, token: string): string {
  return `${headOfficeUrl.replace(/\/+$/, '')}${SURVEY_PAGE_PREFIX}${token}`;
}
