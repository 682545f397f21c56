/**
 * Failed Sheets API calls as KarnamehErrors whose message tells the person what to do.
 */
import { KarnamehError, isKarnamehError } from '../../core/contract/errors.ts';
import { codeOf, failureKind, googleMessage, statusOf } from './retry.ts';

export type Operation = 'read' | 'write' | 'init';

export interface FailureContext {
  spreadsheetId: string;
  operation: Operation;
  /** Who Google sees: `the service account x@y`, or `the account of the token`. */
  who: () => Promise<string>;
  /** Its email, when the credentials say. */
  account?: () => Promise<string | null>;
  /** The protected tabs the failed batch edits that this account may not edit. */
  protectedTabs?: () => Promise<string[]>;
}

/** Google's words for an edit of a protected range by someone who is not its editor. */
const PROTECTED = /trying to edit a protected cell or object/i;

interface GoogleErrorBody {
  status?: unknown;
  details?: { reason?: unknown; metadata?: Record<string, unknown> }[];
}

function errorBody(error: unknown): GoogleErrorBody {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const inner =
    typeof data === 'object' && data !== null ? (data as { error?: unknown }).error : null;
  return typeof inner === 'object' && inner !== null ? (inner as GoogleErrorBody) : {};
}

/** The `reason` of Google's ErrorInfo detail (`ACCESS_TOKEN_SCOPE_INSUFFICIENT`, …). */
function reasonOf(error: unknown): { reason?: string; project?: string } {
  const details = Array.isArray(errorBody(error).details) ? (errorBody(error).details ?? []) : [];
  for (const detail of details) {
    if (typeof detail?.reason !== 'string') continue;
    const consumer = detail.metadata?.consumer;
    const project = typeof consumer === 'string' ? consumer.replace(/^projects\//, '') : undefined;
    return { reason: detail.reason, ...(project ? { project } : {}) };
  }
  return {};
}

/**
 * How a person signs in on a computer: as the service account the sheet is shared with,
 * by impersonation. Google refuses the spreadsheets scope to gcloud's own OAuth client
 * (`application-default login --scopes=…spreadsheets` fails since 2025), while an
 * impersonated token carries whatever scope karnameh asks for.
 */
const SIGN_IN =
  'gcloud auth application-default login --impersonate-service-account=SERVICE_ACCOUNT_EMAIL (the account the sheet is shared with; you need roles/iam.serviceAccountTokenCreator on it)';

/** A 403 by its cause: scopes, the API switch, or a sheet not shared with the caller. */
async function forbidden(error: unknown, context: FailureContext): Promise<KarnamehError> {
  const id = context.spreadsheetId;
  const options = { cause: error };
  const { reason, project } = reasonOf(error);
  if (reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT') {
    return new KarnamehError(
      'source.forbidden',
      `Google refused access to spreadsheet ${id} (${answer(error)}): the credentials were issued without the spreadsheets scope. On your computer, sign in as the service account instead: ${SIGN_IN}. A bare SHEETS_ACCESS_TOKEN needs the scope https://www.googleapis.com/auth/spreadsheets.`,
      options,
    );
  }
  if (reason === 'SERVICE_DISABLED') {
    const where = project ?? 'PROJECT';
    return new KarnamehError(
      'source.forbidden',
      `The Google Sheets API is turned off in project ${where}, which the credentials bill to (${answer(error)}). Turn it on: gcloud services enable sheets.googleapis.com --project ${where} (or, on your computer, bill another project that has it: gcloud auth application-default set-quota-project PROJECT), wait a minute and try again.`,
      options,
    );
  }
  const who = await context.who();
  return new KarnamehError(
    'source.forbidden',
    `Google refused access to spreadsheet ${id} (${answer(error)}). Share the sheet with ${who} as an editor (Share → add ${who} → Editor) and try again.`,
    options,
  );
}

/** A 400 for a protected range: which tabs, which account, and the fix. */
async function protectedRange(error: unknown, context: FailureContext): Promise<KarnamehError> {
  const id = context.spreadsheetId;
  const [who, email, tabs] = await Promise.all([
    context.who(),
    context.account?.() ?? Promise.resolve(null),
    context.protectedTabs?.().catch(() => []) ?? Promise.resolve([]),
  ]);
  const named =
    tabs.length === 0
      ? 'a tab it writes is protected'
      : `the tab${tabs.length === 1 ? '' : 's'} ${tabs.join('، ')} ${tabs.length === 1 ? 'is' : 'are'} protected`;
  return new KarnamehError(
    'source.forbidden',
    `Google Sheets refused to ${VERB[context.operation]} spreadsheet ${id}: ${named} and ${who} is not one of the editors (${answer(error)}). As the sheet's owner, run karnameh init --sheet ${id} --editor ${email ?? 'EMAIL-OF-THAT-ACCOUNT'} (it adds the account to the protection), or add it under Data → Protect sheets and ranges; nothing was written.`,
    { cause: error },
  );
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
  if (status === 403) return forbidden(error, context);
  if (status === 400 && errorBody(error).status === 'FAILED_PRECONDITION') {
    return new KarnamehError(
      'source.unreadable',
      `Spreadsheet ${id} is not a Google Sheet (${answer(error)}): it is another kind of file stored in Drive, such as an .xlsx. Open it in Google Sheets and choose File → Save as Google Sheets, then use the new sheet's id; or download it and use --workbook FILE.xlsx.`,
      options,
    );
  }
  if (status === 400 && operation !== 'read' && PROTECTED.test(googleMessage(error))) {
    return protectedRange(error, context);
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
      `No Google credentials for spreadsheet ${id}: on your computer sign in with ${SIGN_IN}; or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, run on Google Cloud under a service account, or set SHEETS_ACCESS_TOKEN (${message}).`,
      options,
    );
  }
  return new KarnamehError(
    'internal',
    `Could not ${VERB[operation]} spreadsheet ${id}: ${message}`,
    options,
  );
}
