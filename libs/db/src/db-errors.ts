/** Base of every error this lib throws: a stable code, whether a retry can help, and the cause. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}

/** Calling the client from inside its own transaction/session: on PGlite's single connection that would deadlock. */
export class SqlClientMisuseError extends DbError {
  constructor(message: string) {
    super('SQL_CLIENT_MISUSE', message, false);
    this.name = 'SqlClientMisuseError';
  }
}

/** An applied migration file was edited afterwards, or the migrations folder is malformed. */
export class MigrationError extends DbError {
  constructor(code: 'MIGRATION_CHECKSUM_MISMATCH' | 'MIGRATION_INVALID_FILES' | 'MIGRATION_FAILED', message: string, cause?: unknown) {
    super(code, message, false, { cause });
    this.name = 'MigrationError';
  }
}
