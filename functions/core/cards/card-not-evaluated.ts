// Why an agency was not evaluated this month, and which cells to fix, as its card says it.
import type { AgencyResult } from '../figures/compute-summary.ts';
import { notEvaluatedReason } from '../language/persian-text.ts';
import { TABS } from '../contract/tabs.ts';
import type { CardFacts } from './card-facts.ts';
import { placeOf, shown } from './card-text.ts';

/** One thing to fix: the tab, the cell (or row) and what the problems tab says. */
interface CardFix {
  tab: string;
  /** A1 cell, Latin: `F12`. */
  cell: string;
  isCell: boolean;
  isRow: boolean;
  rowText: string;
  message: string;
  code: string;
}

/** Why the agency was not evaluated this month, and where to fix it. */
export interface NotEvaluatedCardView {
  present: boolean;
  /** A clause after the agency's name and before «است»: «همه شاخص‌ها را کامل نکرده». */
  reason: string;
  code: string;
  hasFixes: boolean;
  fixes: CardFix[];
  /** The scores tab's label, for the general advice when no problem names a cell. */
  scoresTab: string;
}

/** From the run month's problems of this agency (code, tab, cell, Persian message). */
export function notEvaluatedView(facts: CardFacts, result: AgencyResult): NotEvaluatedCardView {
  if (result.evaluated) {
    return {
      present: false,
      reason: '',
      code: '',
      hasFixes: false,
      fixes: [],
      scoresTab: TABS.scores.label,
    };
  }
  const fixes = facts.problemsOf(result.id).map((p) => ({
    tab: shown(p.tab),
    cell: p.cell,
    ...placeOf(p.cell),
    message: p.message,
    code: p.code,
  }));
  return {
    present: true,
    reason: notEvaluatedReason(result.reason),
    code: result.reason,
    hasFixes: fixes.length > 0,
    fixes,
    scoresTab: TABS.scores.label,
  };
}
