/**
 * What lets two karnameh processes write one .xlsx in turn (under the write lock of
 * file-lock.ts) without losing each other's work, while a person's edit is never overwritten:
 * - the runs rows of a write are upserted into the runs tab as it is in the file now;
 * - the file having changed since it was read is an edit only when an input tab changed (a
 *   concurrent run writing its own output tabs, or the watcher its run_status, is not one).
 */
import type { RawTab } from '../../core/contract/cells.ts';
import { inputHash } from '../../core/runs/input-hash.ts';
import { mergeRunsRows, type RunsEntry } from '../../core/contract/runs-log.ts';
import { findTab, hasRunsHeader, matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS } from '../../core/contract/tabs.ts';
import { readTabs, type OpenWorkbook } from './open-workbook.ts';
import type { TabWrite } from './rewrite-workbook.ts';

const OUTPUT_KEYS = ['results', 'problems', 'runs'] as const;

const isOutput = (name: string): boolean =>
  OUTPUT_KEYS.some((key) => matchesKey(name, key, TABS[key].label));
const isRuns = (name: string): boolean => matchesKey(name, 'runs', TABS.runs.label);

/**
 * The runs tab of the workbook as it is in `open` now: the tab whose row 1 is the runs
 * header, whatever its title (docs/workbook.md#runs); else one titled as the runs tab
 * (a new, empty one). `hint` is the title it had when last seen, tried first, so that the
 * other tabs are read only when it was renamed since (or there is none yet).
 */
export function runsTabIn(open: OpenWorkbook, path: string, hint?: string): RawTab | undefined {
  if (hint !== undefined) {
    const [seen] = readTabs(open, path, (name) => name === hint);
    if (seen && hasRunsHeader(seen)) return seen;
  }
  return findTab({ tabs: readTabs(open, path) }, 'runs');
}

/**
 * A fingerprint of the input tabs: the run's input hash (core/runs/input-hash.ts), which
 * leaves out karnameh's output tabs and the settings it writes itself (run_request,
 * run_status), so neither another run's outputs nor the watcher counts as an edit.
 */
export function inputFingerprint(tabs: RawTab[]): string {
  return inputHash({ tabs });
}

/** The input tabs' fingerprint of the workbook as it is in `open` now. */
export function currentInputFingerprint(open: OpenWorkbook, path: string): string {
  return inputFingerprint(readTabs(open, path, (name) => !isOutput(name)));
}

/**
 * The runs tab to write: `entries` upserted into the runs tab of `open` as it is now
 * (core/contract/runs-log.ts `mergeRunsRows`), as a tab write and as the tab it leaves.
 */
export function runsUpsert(
  open: OpenWorkbook,
  path: string,
  entries: RunsEntry[],
  hint?: string,
): { write: TabWrite; after: RawTab } {
  const current = runsTabIn(open, path, hint);
  const rows = mergeRunsRows(current, entries);
  const matches = current ? (name: string) => name === current.name : isRuns;
  return {
    write: { title: TABS.runs.label, matches, rows },
    after: { name: current?.name ?? TABS.runs.label, rows },
  };
}
