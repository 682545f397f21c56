/** Stable codes for failures of the program itself (not problems in user data). */
export type ErrorCode =
  | 'usage'
  | 'config.invalid'
  | 'source.not_found'
  | 'source.unreadable'
  | 'source.forbidden'
  | 'source.write_failed'
  | 'source.changed'
  | 'source.locked'
  | 'source.unavailable'
  | 'mail.failed'
  | 'mail.unconfirmed'
  | 'run.in_progress'
  /** A run or reminder round stopped by Ctrl-C, SIGTERM or SIGHUP: said in its last line, never thrown. */
  | 'run.interrupted'
  | 'internal';

/** The one error type karnameh throws. Problems in user data are values, never this. */
export class KarnamehError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KarnamehError';
    this.code = code;
  }
}

export function isKarnamehError(error: unknown): error is KarnamehError {
  return error instanceof KarnamehError;
}
