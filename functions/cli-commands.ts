/** The command line's commands, named once. */
export const COMMANDS = [
  'run',
  'check',
  'init',
  'remind',
  'mail-test',
  'open',
  'close',
  'reopen',
] as const;

export type Command = (typeof COMMANDS)[number];
