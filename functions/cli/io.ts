/** What the command line gets from its process: environment, output, clock, example path and signals. */
import type { Composition } from '../compose/compose.ts';
import type { Logger, WorkbookStore } from '../ports.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
  /** Where the bundled example lives (for `init --example`). */
  exampleWorkbook?: string;
  /**
   * Subscribes to SIGINT/SIGTERM (bin/karnameh.js); returns the unsubscribe. A run that
   * sends then finishes the message in flight, records it and stops.
   */
  signals?: (onSignal: (name: string) => void) => () => void;
}

/** What every command gets: the terminal, the logger, the workbook's store, the clock, the ports. */
export interface CommandContext {
  io: CliIo;
  log: Logger;
  store: WorkbookStore;
  now: () => Date;
  composition: Composition;
}
