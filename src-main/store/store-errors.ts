/** Why a store file could not be opened; each carries what a person needs to act on it. */
export class StoreTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly unknownMigrations: string[],
  ) {
    super(
      `The store ${path} was written by a newer version of the app (migrations ${unknownMigrations.join(', ')} are unknown here). ` +
        'Update the app; the store was not changed.',
    );
    this.name = 'StoreTooNewError';
  }
}

export class StoreMigrationOrderError extends Error {
  constructor(
    readonly path: string,
    readonly applied: string[],
  ) {
    super(`The store ${path} has migrations applied out of order (${applied.join(', ')}); it was not changed.`);
    this.name = 'StoreMigrationOrderError';
  }
}

/**
 * The store's encryption key is missing, unusable, or does not open the file. Carries one Arabic and
 * one English sentence for the person at the desk; the store file is never changed when it is thrown.
 */
export class StoreKeyError extends Error {
  constructor(
    readonly ar: string,
    readonly en: string,
  ) {
    super(`${en} / ${ar}`);
    this.name = 'StoreKeyError';
  }
}
