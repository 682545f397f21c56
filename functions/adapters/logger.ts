/** The two loggers: human lines on stderr for the command line, JSON lines for Cloud Logging. */
import type { Logger } from '../ports.ts';

type Write = (line: string) => void;

/**
 * Human lines on stderr for the command line. One line per message sent would be 113 lines
 * for the example: the summary counts them, and `verbose` (`--verbose`) prints them.
 */
export function createTextLogger(write: Write, options: { verbose?: boolean } = {}): Logger {
  const line = (level: string) => (message: string) =>
    write(`karnameh${level === 'info' ? '' : ` ${level}`}: ${message}\n`);
  const detail = options.verbose ? line('info') : () => {};
  return { info: line('info'), warn: line('warning'), error: line('error'), detail };
}

/**
 * One JSON object per line, as Cloud Logging reads them (severity, message, fields). A
 * `stack` field is written as `stack_trace`, the field Error Reporting reads first: with the
 * stack only in another field next to `message`, Error Reporting looks at the message alone
 * and groups nothing.
 */
export function createJsonLogger(write: Write, base: Record<string, unknown> = {}): Logger {
  const line =
    (severity: string) =>
    (message: string, { stack, ...fields }: Record<string, unknown> = {}) =>
      write(
        `${JSON.stringify({ severity, message, ...base, ...fields, ...(typeof stack === 'string' ? { stack_trace: stack } : {}) })}\n`,
      );
  return {
    info: line('INFO'),
    warn: line('WARNING'),
    error: line('ERROR'),
    detail: line('DEBUG'),
  };
}
