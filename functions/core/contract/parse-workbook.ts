/**
 * The input side of the workbook contract (docs/workbook.md): a raw workbook in, the model and
 * every problem found out. Pure: the same workbook and month always give the same result.
 */
import type { RawWorkbook } from './cells.ts';
import { KarnamehError } from './errors.ts';
import { isMonthKey, type MonthKey } from '../language/jalali.ts';
import type { ParseResult } from './model.ts';
import { parseAgencies } from './parse-agencies.ts';
import { parseBands } from './parse-bands.ts';
import { parseGroups } from './parse-groups.ts';
import { parseIndicators } from './parse-indicators.ts';
import { parseRecipients } from './parse-recipients.ts';
import { parseScores, reportNoSubmissions } from './parse-scores.ts';
import { parseSettings } from './parse-settings.ts';
import { ProblemSink } from './problem-messages.ts';
import { reportChangedAfterClose } from './changed-after-close.ts';
import { reportDuplicateTabs } from './tab-lookup.ts';

export interface ParseOptions {
  /** The run month: active agencies without a row for it get `agency.no_submission`. */
  month: MonthKey;
}

/**
 * Parses and checks every input tab. Never throws for anything in the workbook: problems
 * are values, sorted by tab (contract order), row and column. `fatal` is set when the
 * figures cannot be computed (a required tab or column missing, no province, no valid
 * indicator, invalid bands); the model then holds whatever could be read.
 * Throws `KarnamehError('usage')` only when `options.month` is not a canonical month.
 */
export function parseWorkbook(raw: RawWorkbook, options: ParseOptions): ParseResult {
  if (!isMonthKey(options.month)) {
    throw new KarnamehError('usage', `not a month (YYYY-MM): ${options.month}`);
  }
  const workbook: RawWorkbook = { tabs: Array.isArray(raw?.tabs) ? raw.tabs.filter(isTab) : [] };
  const sink = new ProblemSink();
  reportDuplicateTabs(workbook, sink);

  const indicators = parseIndicators(workbook, sink);
  const bands = parseBands(workbook, sink);
  const settings = parseSettings(workbook, sink, {
    bandCount: bands.fatal ? null : bands.bands.length,
    dimensions: indicators.dimensions,
    indicatorsTitle: indicators.title,
  });
  const agencies = parseAgencies(workbook, sink);
  const groups = parseGroups(workbook, sink, agencies);
  const scores = parseScores(workbook, sink, { indicators: indicators.indicators, agencies });
  if (!agencies.fatal && !scores.fatal) reportNoSubmissions(sink, options.month, agencies, scores);
  if (!scores.fatal) {
    reportChangedAfterClose(workbook, sink, indicators.indicators, agencies.agencies, scores);
  }
  const recipients = parseRecipients(workbook, sink);

  return {
    model: {
      settings: settings.settings,
      indicators: indicators.indicators,
      dimensions: indicators.dimensions,
      bands: bands.bands,
      agencies: agencies.agencies,
      groups: groups.groups,
      groupPlurals: groups.plurals,
      unplaced: agencies.unplaced,
      scores: scores.scores,
      recipients,
    },
    problems: sink.sorted(),
    fatal: settings.fatal || indicators.fatal || bands.fatal || agencies.fatal || scores.fatal,
  };
}

/** Guards against a store handing over something that is not a tab at all. */
function isTab(tab: unknown): tab is RawWorkbook['tabs'][number] {
  if (typeof tab !== 'object' || tab === null) return false;
  const { name, rows } = tab as { name?: unknown; rows?: unknown };
  return typeof name === 'string' && Array.isArray(rows);
}
