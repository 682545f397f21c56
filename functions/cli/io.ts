/** What the command line gets from its process: environment, output, clock, example path and signals. */
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
