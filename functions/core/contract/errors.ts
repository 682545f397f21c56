// The one error type karnameh throws, and the table of its codes with the command line's exit code and the functions' HTTP status.

interface CodeRow {
  /** `karnameh …` exits with it (null: the code is the functions' alone). */
  exit: 1 | 2 | 3 | null;
  /** The functions answer with it. */
  http: number;
  meaning: string;
}

/**
 * Every code of an error (a thrown KarnamehError, or the `error.code` of a functions'
 * answer); docs/command-line.md "Error codes" lists them. Problems in user data are values
 * with codes of their own (core/contract/problems.ts), never these.
 */
export const ERROR_CODES = {
  usage: { exit: 2, http: 400, meaning: 'the command line is wrong (a command, a flag, a month)' },
  'request.invalid': { exit: null, http: 400, meaning: "the request's body is wrong" },
  'month.future': { exit: 2, http: 400, meaning: 'a month that has not begun was asked for' },
  'method.not_allowed': { exit: null, http: 405, meaning: 'a function was called without POST' },
  unauthenticated: { exit: null, http: 401, meaning: 'a call without a readable identity token' },
  'config.invalid': { exit: 3, http: 500, meaning: 'a setting is missing or wrong' },
  'source.not_found': { exit: 3, http: 500, meaning: 'the workbook or the Sheet is not there' },
  'source.unreadable': { exit: 3, http: 500, meaning: 'the workbook cannot be read' },
  'source.forbidden': {
    exit: 3,
    http: 500,
    meaning: 'the account may not read or write the Sheet',
  },
  'source.write_failed': { exit: 3, http: 500, meaning: 'writing the workbook failed' },
  'source.changed': {
    exit: 3,
    http: 500,
    meaning: 'the workbook was edited during the run; nothing overwritten',
  },
  'source.locked': { exit: 3, http: 500, meaning: 'the .xlsx is open in Excel or LibreOffice' },
  'source.unavailable': { exit: 3, http: 500, meaning: 'the Sheets API did not answer' },
  'mail.failed': { exit: 3, http: 500, meaning: 'the server refused a message (safe to retry)' },
  'mail.unconfirmed': { exit: 3, http: 500, meaning: 'a message handed over, never confirmed' },
  'run.in_progress': { exit: 1, http: 409, meaning: 'another run of the month is sending' },
  'run.interrupted': {
    exit: 3,
    http: 500,
    meaning: 'Ctrl-C, SIGTERM or SIGHUP stopped a run (said in its last line, never thrown)',
  },
  internal: { exit: 3, http: 500, meaning: 'a failure karnameh did not foresee' },
} as const satisfies Record<string, CodeRow>;

/** Stable codes for failures of the program itself (not problems in user data). */
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The exit code of `karnameh …` for an error with this code (3 for the functions' own). */
export function exitCodeOf(code: ErrorCode): 1 | 2 | 3 {
  return ERROR_CODES[code].exit ?? 3;
}

/** The HTTP status the functions answer an error with this code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].http;
}

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
