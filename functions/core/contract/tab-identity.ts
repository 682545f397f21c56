/**
 * Which tab is which (docs/workbook.md#the-tabs): by the product's
 * mark on a Sheet's tab, whatever its title; the runs tab by its header, whatever its
 * title; else by the title. Light on imports, so the Sheets store can use it without the
 * parsers.
 */
import type { RawTab } from './cells.ts';
import { normalizeName } from '../language/normalize.ts';
import { runsHeaderGaps } from './runs-log.ts';
import { TABS, type TabKey } from './tabs.ts';

/** The developer metadata key of a tab's mark on a Sheet; its value is the tab key. */
export const TAB_MARK_KEY = 'karnameh.tab';

/** True when the tab's title names the tab key (its English name or its Persian label). */
export function titled(tab: Pick<RawTab, 'name'>, key: TabKey): boolean {
  const name = normalizeName(String(tab.name ?? ''));
  return name !== '' && (name === normalizeName(key) || name === normalizeName(TABS[key].label));
}

/** True when row 1 of the tab is the runs tab's header (every column a runs row needs). */
export const hasRunsHeader = (tab: RawTab): boolean =>
  tab.rows.length > 0 && runsHeaderGaps(tab).length === 0;

/**
 * The tabs that are the key's, best first: the tabs marked with the key (a Sheet's
 * developer metadata), whatever their titles; else, for the runs tab, the unmarked tabs
 * whose row 1 is its header, whatever their titles; else the unmarked tabs whose title
 * names the key.
 */
export function findTabs<T extends RawTab>(tabs: readonly T[], key: TabKey): T[] {
  const marked = tabs.filter((tab) => tab.mark === key);
  if (marked.length > 0) return marked;
  if (key === 'runs') {
    const headed = tabs.filter((tab) => tab.mark === undefined && hasRunsHeader(tab));
    if (headed.length > 0) return headed;
  }
  return tabs.filter((tab) => tab.mark === undefined && titled(tab, key));
}
