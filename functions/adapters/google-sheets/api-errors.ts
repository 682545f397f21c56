/**
 * Failed Sheets API calls as KarnamehErrors whose message tells the person what to do.
 */
import { KarnamehError, isKarnamehError } from '../../core/errors.ts';
import { codeOf, failureKind, googleMessage, statusOf } from './retry.ts';

export type Operation = 'read' | 'write' | 'init';

export interface FailureContext {
  spreadsheetId: string;
  operation: Operation;
  /** Who Google sees: `the service account x@y`, or `the account of the token`. */
  who: () => Promise<string>;
}

const VERB: Record<Operation, string> = {
  read: 'read',
  write: 'write to',
  init: 'set up',
};

function answer(error: unknown): string {
  const status = statusOf(error);
  const message = googleMessage(error);
  if (status !== undefined) return `${status} ${message}`;
  const code = codeOf(error);
  return code === undefined ? message : `${code}: ${message}`;
}

/** The KarnamehError for a failure after `attempts` attempts. */
export async function describeFailure(
  error: unknown,
  attempts: number,
  context: FailureContext,
): Promise<KarnamehError> {
  if (isKarnamehError(error)) return error;
  const { spreadsheetId: id, operation } = context;
  const status = statusOf(error);
  const options = { cause: error };
  if (status === 403) {
    const who = await context.who();
    return new KarnamehError(
      'source.forbidden',
      `Google refused access to spreadsheet ${id} (${answer(error)}). Share the sheet with ${who} as an editor (Share → add ${who} → Editor) and try again.`,
      options,
    );
  }
  if (status === 401) {
    return new KarnamehError(
      'source.forbidden',
      `Google did not accept the credentials for spreadsheet ${id} (${answer(error)}). Check GOOGLE_APPLICATION_CREDENTIALS, or SHEETS_ACCESS_TOKEN when it is set.`,
      options,
    );
  }
  if (status === 404) {
    return new KarnamehError(
      'source.not_found',
      `Spreadsheet ${id} was not found (${answer(error)}): the spreadsheet id is wrong. Copy it from the sheet's address, https://docs.google.com/spreadsheets/d/<id>/edit.`,
      options,
    );
  }
  const kind = failureKind(error);
  if (kind !== 'final') {
    const landed =
      operation === 'read'
        ? ''
        : kind === 'refused'
          ? ' Nothing was written.'
          : ' Sheets applies a batch whole or not at all, so the sheet holds either all of this change or none of it; run again to be sure.';
    return new KarnamehError(
      'source.unavailable',
      `Google Sheets is unavailable: ${attempts} attempt${attempts === 1 ? '' : 's'} to ${VERB[operation]} spreadsheet ${id} failed; the last answer was ${answer(error).replace(/\.+$/, '')}.${landed}`,
      options,
    );
  }
  if (status !== undefined) {
    return operation === 'read'
      ? new KarnamehError(
          'source.unreadable',
          `Google Sheets refused to read spreadsheet ${id} (${answer(error)}).`,
          options,
        )
      : new KarnamehError(
          'source.write_failed',
          `Google Sheets refused to ${VERB[operation]} spreadsheet ${id} (${answer(error)}); nothing was written.`,
          options,
        );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/default credentials|credential/i.test(message)) {
    return new KarnamehError(
      'config.invalid',
      `No Google credentials for spreadsheet ${id}: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, run on Google Cloud under a service account, or set SHEETS_ACCESS_TOKEN (${message}).`,
      options,
    );
  }
  return new KarnamehError(
    'internal',
    `Could not ${VERB[operation]} spreadsheet ${id}: ${message}`,
    options,
  );
}
