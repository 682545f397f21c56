/** Problem codes, which only warn, which are definition errors, and the Problem value itself. */
export const PROBLEM_CODES = [
  'tab.missing',
  'header.missing',
  'settings.invalid',
  'indicator.duplicate',
  'indicator.invalid',
  'band.invalid',
  'agency.duplicate',
  'agency.invalid',
  'score.month_invalid',
  'score.agency_unknown',
  'score.duplicate',
  'score.not_number',
  'score.out_of_range',
  'score.missing',
  'agency.no_submission',
  'recipient.invalid',
  'recipient.none',
  'tab.duplicate',
  'header.duplicate',
  'group.invalid',
  'score.formula',
  'run.data_changed',
  'tab.unmarked',
  'score.changed_after_close',
  'agency.email_invalid',
  'agency.email_shared',
  'cell.control_character',
  'month.future',
  'score.agency_mismatch',
  'score.merged',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Never blocking by themselves (docs/workbook.md#what-stops-a-run): input not yet filled in
 * (a month in progress), one bad recipient address among others, and a month whose data
 * changed after it was sent. Everything else is an error (a bad value of a setting that
 * only turns a feature on is `settings.invalid` at warning level: settings-features.ts).
 */
const WARNING_CODES: ReadonlySet<ProblemCode> = new Set([
  'score.missing',
  'agency.no_submission',
  'recipient.invalid',
  'run.data_changed',
  'score.changed_after_close',
  'agency.email_invalid',
  'agency.email_shared',
  'tab.unmarked',
  'cell.control_character',
  'score.agency_mismatch',
]);

/**
 * Definition errors: problems in what the figures mean (settings, indicators, bands,
 * groups, agencies) or in the workbook's structure. Any of them blocks every real run,
 * `--allow-incomplete` included. (A missing tab or column stops the run through the parse
 * being fatal; a missing recipients tab through `recipient.none`.)
 */
export const DEFINITION_CODES: ReadonlySet<ProblemCode> = new Set([
  'settings.invalid',
  'indicator.duplicate',
  'indicator.invalid',
  'band.invalid',
  'agency.duplicate',
  'agency.invalid',
  'group.invalid',
  'tab.duplicate',
  'header.duplicate',
]);

export type Severity = 'error' | 'warning';

/** A problem in user data: a value, never thrown. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** The tab's title as in the workbook (its Persian label when the tab is missing). */
  tab: string;
  /** A1 cell (`F12`), a whole row (`12:12`), or empty for the tab as a whole. */
  cell: string;
  /** Persian, for a data-entry clerk. */
  message: string;
  /** The month and agency the problem belongs to, when it belongs to one. */
  month?: string;
  agencyId?: string;
  /**
   * `score.changed_after_close`: the indicator code (or `note`) and the cell's text at the
   * close and now ('' when blank), for the agency's card to say what changed.
   */
  change?: { field: string; atClose: string; now: string; closedAt: string };
}

export function severityOf(code: ProblemCode): Severity {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}
