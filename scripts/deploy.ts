/**
 * `npm run deploy -- [--dry-run] --project P --region R --spreadsheet ID --smtp-secret NAME
 *  --mail-from ADDR --scheduler-account SA [--service-account SA] [--invokers user:a@b,…]
 *  [--smtp-rate N]`
 *
 * Builds, then deploys both functions to Google Cloud (2nd gen, private, one instance),
 * grants who may call them, and schedules the watcher. Every command is printed before it
 * runs; with --dry-run they are only printed (docs/deploy.md, step 7, shows that output, and a test
 * checks the two agree). Commands run with execFile and argument arrays: no shell.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { smtpRateSchema } from '../functions/adapters/mail/transports/pacer.ts';
import { FUNCTIONS_TIMEOUT_S } from '../functions/compose/settings.ts';

export const FUNCTIONS = ['monthlyRun', 'watchSheet'] as const;
const WATCH_URL = 'WATCH_URL';

/** An argument: literal text, or the output of an earlier step (the watcher's URL). */
export type Arg = string | { ref: typeof WATCH_URL };

export interface Step {
  program: string;
  args: Arg[];
  /** Keep the step's output (trimmed) under this name for later arguments. */
  capture?: typeof WATCH_URL;
  /** Run instead when the first probe succeeds (the scheduler job exists: update it). */
  ifExists?: { probe: string[]; args: Arg[] };
}

const member = z
  .string()
  .regex(
    /^(user|group|serviceAccount|domain):[^\s,]+$/,
    'each must be user:EMAIL, group:EMAIL, serviceAccount:EMAIL or domain:DOMAIN',
  );
const serviceAccount = z
  .email('must be a service account email')
  .regex(
    /\.gserviceaccount\.com$/,
    'must be a service account (…@PROJECT.iam.gserviceaccount.com)',
  );

const optionsSchema = z.object({
  dryRun: z.boolean(),
  project: z
    .string({ message: 'is required' })
    .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'must be a project id (my-karnameh)'),
  region: z
    .string({ message: 'is required' })
    .regex(/^[a-z]+-[a-z]+\d+$/, 'must be a region (europe-west1, me-central1, …)'),
  spreadsheet: z
    .string({ message: 'is required' })
    .transform((v) => /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(v)?.[1] ?? v)
    .pipe(z.string().regex(/^[A-Za-z0-9_-]{10,}$/, 'must be the id from the sheet address')),
  smtpSecret: z
    .string({ message: 'is required' })
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be a Secret Manager secret name'),
  mailFrom: z
    .string({ message: 'is required' })
    .refine((v) => !/[,\r\n]/.test(v), 'must not hold a comma or a line break')
    .refine(
      (v) => z.email().safeParse((/<([^<>]*)>\s*$/.exec(v)?.[1] ?? v).trim()).success,
      'must be an address, or Name <address>',
    ),
  schedulerAccount: serviceAccount.optional().refine((v) => v !== undefined, 'is required'),
  serviceAccount: serviceAccount.optional(),
  invokers: z.array(member),
  schedule: z.string().regex(/^\S+( \S+){4}$/, 'must be a cron schedule of five fields'),
  timeZone: z.string().regex(/^[A-Za-z_]+\/[A-Za-z_]+$/, 'must be a time zone (Asia/Tehran)'),
  job: z.string().regex(/^[a-zA-Z0-9_-]{1,500}$/, 'must be a job name'),
  smtpRate: z
    .string()
    .optional()
    .refine((v) => v === undefined || smtpRateSchema.safeParse(v).success, {
      message: 'must be a number of messages per second (e.g. 2 or 0.5)',
    }),
  /** The public site's bucket (docs/publishing.md); absent: the functions publish nothing. */
  siteBucket: z
    .string()
    .transform((v) => v.replace(/^gs:\/\//, '').replace(/\/$/, ''))
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'must be a bucket name'))
    .optional(),
});

export type DeployOptions = z.infer<typeof optionsSchema> & { schedulerAccount: string };

export const USAGE = `usage: npm run deploy -- [--dry-run] --project PROJECT --region REGION
         --spreadsheet SPREADSHEET_ID --smtp-secret SECRET --mail-from ADDRESS
         --scheduler-account SA_EMAIL [--service-account SA_EMAIL] [--invokers user:a@b,…]
         [--schedule '*/15 * * * *'] [--time-zone Asia/Tehran] [--job karnameh-watch-sheet]
         [--smtp-rate MESSAGES_PER_SECOND] [--site-bucket BUCKET]  (the public pages: docs/publishing.md)`;

export class UsageError extends Error {}

const flagOf = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function parseDeployArgs(argv: string[]): DeployOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'dry-run': { type: 'boolean', default: false },
        project: { type: 'string' },
        region: { type: 'string' },
        spreadsheet: { type: 'string' },
        'smtp-secret': { type: 'string' },
        'mail-from': { type: 'string' },
        'scheduler-account': { type: 'string' },
        'service-account': { type: 'string' },
        invokers: { type: 'string', default: '' },
        schedule: { type: 'string', default: '*/15 * * * *' },
        'time-zone': { type: 'string', default: 'Asia/Tehran' },
        job: { type: 'string', default: 'karnameh-watch-sheet' },
        'smtp-rate': { type: 'string' },
        'site-bucket': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const result = optionsSchema.safeParse({
    dryRun: values['dry-run'],
    project: values.project,
    region: values.region,
    spreadsheet: values.spreadsheet,
    smtpSecret: values['smtp-secret'],
    mailFrom: values['mail-from'],
    schedulerAccount: values['scheduler-account'],
    serviceAccount: values['service-account'],
    invokers: values.invokers
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    schedule: values.schedule,
    timeZone: values['time-zone'],
    job: values.job,
    smtpRate: values['smtp-rate'],
    siteBucket: values['site-bucket'],
  });
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `${flagOf(String(issue.path[0] ?? ''))} ${issue.message}`,
    );
    throw new UsageError(`${[...new Set(lines)].join('\n')}\n${USAGE}`);
  }
  return result.data as DeployOptions;
}

/** The commands, in order. */
export function deployPlan(o: DeployOptions): Step[] {
  const runtimeAccount = o.serviceAccount ?? o.schedulerAccount;
  const where = ['--project', o.project, '--region', o.region];
  const deploy = (name: string): Step => ({
    program: 'gcloud',
    args: [
      'functions',
      'deploy',
      name,
      '--gen2',
      ...where,
      '--runtime',
      'nodejs24',
      '--source',
      '.',
      '--entry-point',
      name,
      '--trigger-http',
      '--no-allow-unauthenticated',
      '--service-account',
      runtimeAccount,
      '--max-instances',
      '1',
      '--concurrency',
      '10',
      '--cpu',
      '1',
      '--memory',
      '512Mi',
      '--timeout',
      `${FUNCTIONS_TIMEOUT_S}s`,
      '--set-env-vars',
      [
        `KARNAMEH_SHEET=${o.spreadsheet}`,
        `MAIL_FROM=${o.mailFrom}`,
        ...(o.smtpRate ? [`SMTP_RATE=${o.smtpRate}`] : []),
        ...(o.siteBucket ? [`KARNAMEH_SITE_BUCKET=${o.siteBucket}`] : []),
        'NODE_ENV=production',
      ].join(','),
      '--set-secrets',
      `SMTP_URL=${o.smtpSecret}:latest`,
    ],
  });
  const invoker = (name: string, who: string): Step => ({
    program: 'gcloud',
    args: ['functions', 'add-invoker-policy-binding', name, ...where, '--member', who],
  });
  const url = { ref: WATCH_URL } as const;
  const job = (verb: 'create' | 'update'): Arg[] => [
    'scheduler',
    'jobs',
    verb,
    'http',
    o.job,
    '--project',
    o.project,
    '--location',
    o.region,
    '--schedule',
    o.schedule,
    '--time-zone',
    o.timeZone,
    '--uri',
    url,
    '--http-method',
    'POST',
    '--oidc-service-account-email',
    o.schedulerAccount,
    '--oidc-token-audience',
    url,
    '--attempt-deadline',
    '300s',
  ];
  return [
    { program: 'npm', args: ['run', 'build'] },
    {
      program: 'gcloud',
      args: [
        'secrets',
        'add-iam-policy-binding',
        o.smtpSecret,
        '--project',
        o.project,
        '--member',
        `serviceAccount:${runtimeAccount}`,
        '--role',
        'roles/secretmanager.secretAccessor',
      ],
    },
    ...FUNCTIONS.map(deploy),
    ...o.invokers.map((who) => invoker('monthlyRun', who)),
    invoker('watchSheet', `serviceAccount:${o.schedulerAccount}`),
    {
      program: 'gcloud',
      args: [
        'functions',
        'describe',
        'watchSheet',
        '--gen2',
        ...where,
        '--format',
        'value(serviceConfig.uri)',
      ],
      capture: WATCH_URL,
    },
    {
      program: 'gcloud',
      args: job('create'),
      ifExists: {
        probe: [
          'scheduler',
          'jobs',
          'describe',
          o.job,
          '--project',
          o.project,
          '--location',
          o.region,
        ],
        args: job('update'),
      },
    },
  ];
}

/** Shell quoting for printing only (nothing here runs through a shell). */
export function quote(arg: Arg): string {
  if (typeof arg !== 'string') return `"$${arg.ref}"`;
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * How a step is shown: shell text a person could paste, one `--flag value` per line
 * (continued with a backslash) so that a long command stays readable.
 */
export function formatStep(step: Step): string {
  const lines: string[] = [];
  for (const arg of [step.program, ...step.args]) {
    const text = quote(arg);
    const last = lines.length - 1;
    if (last >= 0 && !text.startsWith('--')) lines[last] += ` ${text}`;
    else lines.push(text);
  }
  const body = lines.join(' \\\n  ');
  return step.capture ? `${step.capture}=$(${body})` : body;
}

export type Exec = (program: string, args: string[]) => Promise<{ code: number; stdout: string }>;

/** Runs a program with an argument array, its output passed through (and kept). */
export const execProgram: Exec = (program, args) =>
  new Promise((resolve) => {
    const child = execFile(program, args, { maxBuffer: 64 * 1024 * 1024 });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', (error) => {
      process.stderr.write(`${program}: ${error.message}\n`);
      resolve({ code: 127, stdout });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });

export interface DeployIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  exec?: Exec;
  /** Runs a probe quietly: true when it succeeds. */
  probe?: (program: string, args: string[]) => Promise<boolean>;
}

const quietProbe = (program: string, args: string[]) =>
  new Promise<boolean>((resolve) => execFile(program, args, (error) => resolve(error === null)));

/** The script: 0 done, 1 a command failed, 2 bad arguments. */
export async function deploy(argv: string[], io: DeployIo): Promise<number> {
  let options: DeployOptions;
  try {
    options = parseDeployArgs(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const steps = deployPlan(options);
  if (options.dryRun) {
    io.stdout(`${steps.map(formatStep).join('\n')}\n`);
    return 0;
  }
  const exec = io.exec ?? execProgram;
  const probe = io.probe ?? quietProbe;
  const captured = new Map<string, string>();
  for (const planned of steps) {
    let step = planned;
    if (step.ifExists && (await probe(step.program, step.ifExists.probe))) {
      step = { program: step.program, args: step.ifExists.args };
    }
    io.stdout(`\n$ ${formatStep(step)}\n`);
    const args = step.args.map((arg) =>
      typeof arg === 'string' ? arg : (captured.get(arg.ref) ?? ''),
    );
    const { code, stdout } = await exec(step.program, args);
    if (code !== 0) {
      io.stderr(`deploy stopped: ${step.program} ${String(args[0])} … exited with ${code}\n`);
      return 1;
    }
    if (step.capture) {
      const value = stdout.trim();
      if (!/^https:\/\/\S+$/.test(value)) {
        io.stderr(`deploy stopped: no URL for watchSheet (got ${JSON.stringify(value)})\n`);
        return 1;
      }
      captured.set(step.capture, value);
    }
  }
  io.stdout('\ndeployed: monthlyRun and watchSheet, the watcher scheduled\n');
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await deploy(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
