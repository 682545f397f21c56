/** The command line's commands, named once. */
export const COMMANDS = [
  'run',
  'check',
  'init',
  'remind',
  'open',
  'close',
  'reopen',
  'watch',
  'publish',
  'mail-test',
] as const;

export type Command = (typeof COMMANDS)[number];
