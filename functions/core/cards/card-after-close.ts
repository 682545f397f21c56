/** The card's note of the agency's scores changed after the month was closed, from what to what (docs/workbook.md#opening-and-closing-a-month). */
import { persianDigits } from '../language/persian-text.ts';
import type { CardFacts } from './card-facts.ts';
import { codeText } from './card-indicator-list.ts';
import { shown } from './card-text.ts';

interface AfterCloseLine {
  /** `تعامل با رسانه‌ها (شاخص ۴)`, or «توضیحات». */
  label: string;
  /** The cell's text at the close and now, in Persian digits; «خالی» for a blank. */
  atCloseText: string;
  nowText: string;
}

export interface AfterCloseView {
  present: boolean;
  lines: AfterCloseLine[];
}

const blankOr = (text: string): string => (text.trim() === '' ? 'خالی' : persianDigits(text));

/**
 * Each cell of the agency's row changed since the month's close (`score.changed_after_close`
 * problems, which carry both values): said to the agency itself, so that a change made
 * after the deadline is never silent. The sheet keeps no history of who changed it.
 */
export function afterCloseView(facts: CardFacts, agencyId: string): AfterCloseView {
  const titles = new Map(facts.model.indicators.map((i) => [i.code, i.title]));
  const lines = facts
    .problemsOf(agencyId)
    .filter((p) => p.code === 'score.changed_after_close' && p.change !== undefined)
    .map((p) => {
      const { field, atClose, now } = p.change ?? { field: '', atClose: '', now: '' };
      const title = titles.get(field);
      const label =
        field === 'note' || title === undefined
          ? 'توضیحات'
          : `${shown(title)} (${codeText(shown(field))})`;
      return { label, atCloseText: blankOr(atClose), nowText: blankOr(now) };
    });
  return { present: lines.length > 0, lines };
}
