/**
 * Problems in the input: where they are (tab, A1 cell or row) and what they say, in
 * Persian, to the data-entry clerk who has to fix them. `ProblemSink` collects them and
 * hands them back in the contract's order (tab order, then row, then column).
 */
import { a1 } from './cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import { severityOf, type Problem, type ProblemCode, type Severity } from './problems.ts';
import { PEOPLE_TABS, TABS, type TabKey } from './tabs.ts';
import { structureMessages } from './messages/structure.ts';
import { settingsMessages } from './messages/settings.ts';
import { definitionsMessages } from './messages/definitions.ts';
import { agenciesMessages } from './messages/agencies.ts';
import { scoresMessages } from './messages/scores.ts';

/** Every problem message, by name (split by area under messages/). */
export const messages = {
  ...structureMessages,
  ...settingsMessages,
  ...definitionsMessages,
  ...agenciesMessages,
  ...scoresMessages,
};

/** The place of a problem: -1 row for the whole tab, -1 column for a whole row. */
interface Entry {
  problem: Problem;
  tabOrder: number;
  row: number;
  column: number;
  seq: number;
}

const TAB_ORDER = new Map<TabKey, number>(PEOPLE_TABS.map((key, i) => [key, i]));

export interface ProblemContext {
  month?: MonthKey;
  agencyId?: string;
  change?: Problem['change'];
  /**
   * The code's severity when the problem is milder than its code (a bad feature switch is
   * `settings.invalid` as a warning that turns the feature off: docs/workbook.md#settings).
   */
  severity?: Severity;
}

/** Collects problems with their place; `sorted()` gives them in the contract's order. */
export class ProblemSink {
  private readonly entries: Entry[] = [];

  private push(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    cell: string,
    row: number,
    column: number,
    message: string,
    context: ProblemContext | undefined,
  ): void {
    const severity = context?.severity ?? severityOf(code);
    const problem: Problem = { code, severity, tab, cell, message };
    if (context?.month !== undefined) problem.month = context.month;
    if (context?.agencyId !== undefined) problem.agencyId = context.agencyId;
    if (context?.change !== undefined) problem.change = context.change;
    this.entries.push({
      problem,
      tabOrder: TAB_ORDER.get(tabKey) ?? PEOPLE_TABS.length,
      row,
      column,
      seq: this.entries.length,
    });
  }

  /** A problem with the tab as a whole (cell ''). */
  tab(code: ProblemCode, tabKey: TabKey, tab: string | undefined, message: string): void {
    this.push(code, tabKey, tab ?? TABS[tabKey].label, '', -1, -1, message, undefined);
  }

  /** A problem with a whole row (`12:12`). */
  row(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    rowIndex: number,
    message: string,
    context?: ProblemContext,
  ): void {
    const ref = `${rowIndex + 1}:${rowIndex + 1}`;
    this.push(code, tabKey, tab, ref, rowIndex, -1, message, context);
  }

  /** A problem at one cell (`F12`). */
  cell(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    rowIndex: number,
    columnIndex: number,
    message: string,
    context?: ProblemContext,
  ): void {
    const ref = a1(rowIndex, columnIndex);
    this.push(code, tabKey, tab, ref, rowIndex, columnIndex, message, context);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Tab order of the contract, then row, then column, then the order they were found. */
  sorted(): Problem[] {
    return [...this.entries]
      .sort(
        (a, b) => a.tabOrder - b.tabOrder || a.row - b.row || a.column - b.column || a.seq - b.seq,
      )
      .map((e) => e.problem);
  }
}
