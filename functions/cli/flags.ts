// The command line's flags: which each command takes, how node:util reads them, and their checks.
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { SETTING_FLAGS } from '../compose/options.ts';
import { isMonthKey } from '../core/language/jalali.ts';
import { COMMANDS, type Command } from './commands.ts';
import { usageError } from './usage.ts';

const optionsSchema = z
  .object({
    command: z.enum(COMMANDS, { message: `the command must be one of: ${COMMANDS.join(', ')}` }),
    month: z.string().refine(isMonthKey, 'must be a Jalali year-month like 1403-04').optional(),
    dryRun: z.boolean(),
    force: z.boolean(),
    resendUnconfirmed: z.boolean(),
    allowIncomplete: z.boolean(),
    json: z.boolean(),
    verbose: z.boolean(),
    example: z.boolean(),
    out: z.string().min(1, 'needs a folder').optional(),
    to: z.email('is not an email address').optional(),
    agency: z.string().trim().min(1, 'needs an agency id (the agencies tab, e.g. a01)').optional(),
    until: z.string().trim().min(1).optional(),
  })
  .refine((o) => o.command === 'reopen' || !o.agency || o.to, {
    message: "--agency ID goes with --to ADDRESS (a test copy of that agency's card)",
  });

export /** The flags each command takes (besides the source, --workbook / --sheet). */
const FLAGS: Record<Command, readonly string[]> = {
  run: [
    'month',
    'dry-run',
    'force',
    'resend-unconfirmed',
    'allow-incomplete',
    'to',
    'agency',
    'json',
    'verbose',
    'outbox',
  ],
  check: ['month', 'json'],
  init: ['example', 'editor'],
  remind: ['month', 'dry-run', 'json', 'verbose', 'outbox'],
  publish: ['month', 'out', 'outbox'],
  watch: ['json', 'verbose', 'outbox'],
  'mail-test': ['to', 'outbox'],
  open: ['month', 'dry-run', 'json'],
  close: ['month', 'json'],
  reopen: ['month', 'agency', 'until', 'json'],
};
export const SOURCE_FLAGS: readonly string[] = ['workbook', 'sheet'];

export const OPTIONS = {
  month: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'resend-unconfirmed': { type: 'boolean', default: false },
  'allow-incomplete': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  example: { type: 'boolean', default: false },
  out: { type: 'string' },
  to: { type: 'string' },
  agency: { type: 'string' },
  until: { type: 'string' },
  ...SETTING_FLAGS,
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** A command with its own flags, checked. */
export type CommandFlags = z.infer<typeof optionsSchema>;

/** What node:util's parse gives for these options. */
type ParsedValues = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>
>['values'];

/** The command's own flags, checked; the first problem of each is a usage error naming the flag. */
export function commandFlags(
  command: Command,
  values: ParsedValues & { month: string | undefined },
): CommandFlags {
  const result = optionsSchema.safeParse({
    command,
    month: values.month,
    dryRun: values['dry-run'],
    force: values.force,
    resendUnconfirmed: values['resend-unconfirmed'],
    allowIncomplete: values['allow-incomplete'],
    json: values.json,
    verbose: values.verbose,
    example: values.example,
    out: values.out,
    to: values.to,
    agency: values.agency,
    until: values.until,
  });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const flag = field === 'command' || field === '' ? '' : `--${kebab(field)} `;
    return `${flag}${issue.message}`;
  });
  throw usageError(lines.join('\n'), command);
}

const kebab = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
