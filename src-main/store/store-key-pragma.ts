import type Sqlite from 'better-sqlite3-multiple-ciphers';

/** The SQLCipher v4 settings of every encrypted store (the desk's, its backups, its migration copies). */
export function cipherSettings(sqlite: Sqlite.Database): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
}

/**
 * The key as SQLCipher's raw-key literal. The key is 32 random bytes already, so it is used as the
 * cipher key itself: no passphrase derivation (PBKDF2, 256,000 rounds, ~0.4 s on every open).
 */
export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== 32) throw new Error('A store key is 32 bytes');
  return `"x'${key.toString('hex')}'"`;
}

/**
 * Unlocks an encrypted file before its first read. SQLCipher v4 format with a raw key, so standard
 * tools (sqlcipher, DB Browser for SQLite) open a copy with `PRAGMA key = "x'<64 hex>'"`.
 */
export function applyStoreKey(sqlite: Sqlite.Database, key: Buffer | null | undefined): void {
  if (!key) return;
  const literal = rawKeyLiteral(key);
  cipherSettings(sqlite);
  sqlite.pragma(`key = ${literal}`);
}
