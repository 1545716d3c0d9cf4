/** The five faces of the CSAT question, saddest first (drawn by FaceIcon; the labels come from i18n). */
export const FACES = [
  { score: 1, key: 'score1' },
  { score: 2, key: 'score2' },
  { score: 3, key: 'score3' },
  { score: 4, key: 'score4' },
  { score: 5, key: 'score5' },
] as const;

export const NPS_SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
