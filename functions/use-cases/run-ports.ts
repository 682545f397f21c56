// The ports every use case that records a run in the workbook is given.
import type { Logger, WorkbookStore } from '../ports.ts';

/**
 * The workbook, the clock, run ids and the log: all an open, close or reopen needs, and
 * what a month's run and a reminder round add their own ports to.
 */
export interface RunPorts {
  store: WorkbookStore;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}
