/** Interface text of masked fields and their reveal, mounted under `privacy`. */
const ar = {
  reveal: 'إظهار',
  revealHint: 'يُسجَّل الإظهار في سجل التدقيق باسمك',
  revealed: 'ظاهر',
};

const en: typeof ar = {
  reveal: 'Reveal',
  revealHint: 'Revealing is recorded in the audit log under your name',
  revealed: 'Revealed',
};

export const privacyText = { ar, en };
