import { parseArgs } from 'node:util';
import { z } from 'zod';
import { KarnamehError } from './core/errors.ts';
import { isMonthKey } from './core/jalali.ts';

export const COMMANDS = ['run', 'check', 'init', 'remind'] as const;

const optionsSchema = z
  .object({
    command: z.enum(COMMANDS, { message: `the command must be one of: ${COMMANDS.join(', ')}` }),
    month: z.string().refine(isMonthKey, 'must be a Jalali year-month like 1403-04').optional(),
    dryRun: z.boolean(),
    force: z.boolean(),
    allowIncomplete: z.boolean(),
    json: z.boolean(),
    example: z.boolean(),
    outbox: z.string().min(1),
    workbook: z.string().min(1).optional(),
    sheet: z
      .string()
      .regex(/^[A-Za-z0-9_-]{10,}$/, 'is not a spreadsheet id')
      .optional(),
    to: z.email('is not an email address').optional(),
  })
  .refine((o) => !(o.workbook && o.sheet), {
    message: 'give either --workbook or --sheet, not both',
  });

export type CliOptions = z.infer<typeof optionsSchema>;

export const USAGE = `usage:
  karnameh run   [--month YYYY-MM] [--dry-run] [--force] [--allow-incomplete] [--to ADDRESS] [--json] [--outbox DIR]
  karnameh check [--month YYYY-MM] [--json]
  karnameh init  [--example]
  karnameh remind [--month YYYY-MM] [--dry-run] [--json] [--outbox DIR]
source: --workbook FILE.xlsx | --sheet SPREADSHEET_ID (or env KARNAMEH_WORKBOOK / KARNAMEH_SHEET)
mail:   SMTP_URL and MAIL_FROM send over SMTP; otherwise .eml files go to the outbox folder (./outbox)`;

/** Parses and validates the command line; a bad one is a `usage` error naming what is wrong. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        month: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'allow-incomplete': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        example: { type: 'boolean', default: false },
        outbox: { type: 'string', default: 'outbox' },
        workbook: { type: 'string' },
        sheet: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new KarnamehError('usage', `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new KarnamehError('usage', USAGE);
  if (positionals.length !== 1) {
    throw new KarnamehError(
      'usage',
      `${positionals.length === 0 ? 'no command given' : `unexpected arguments: ${positionals.slice(1).join(' ')}`}\n${USAGE}`,
    );
  }
  const workbook =
    values.workbook ?? (values.sheet ? undefined : env.KARNAMEH_WORKBOOK || undefined);
  const sheet = values.sheet ?? (values.workbook ? undefined : env.KARNAMEH_SHEET || undefined);
  const result = optionsSchema.safeParse({
    command: positionals[0],
    month: values.month,
    dryRun: values['dry-run'],
    force: values.force,
    allowIncomplete: values['allow-incomplete'],
    json: values.json,
    example: values.example,
    outbox: values.outbox,
    workbook,
    sheet,
    to: values.to,
  });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const flag =
        field === 'command' || field === ''
          ? ''
          : `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} `;
      return `${flag}${issue.message}`;
    });
    throw new KarnamehError('usage', `${lines.join('\n')}\n${USAGE}`);
  }
  if (!result.data.workbook && !result.data.sheet) {
    throw new KarnamehError(
      'usage',
      `no workbook: give --workbook FILE.xlsx (try examples/ilam-1403.xlsx) or --sheet SPREADSHEET_ID\n${USAGE}`,
    );
  }
  return result.data;
}
