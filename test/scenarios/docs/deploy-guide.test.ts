/**
 * docs/deploy.md's gcloud commands against the deploy script's own plan (issue 24): each one
 * well formed for its command group, the deploy steps the guide shows as the plan has them, and
 * every other command (roles, impersonation, logs, clean-up, teardown) naming the same project,
 * region, service account, secret, functions and scheduler job. test/scripts/deploy.test.ts
 * holds the dry run's printed output to the guide's block.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deployPlan, FUNCTIONS, parseDeployArgs } from '../../../scripts/deploy.ts';
import { fencedBlocks, words } from '../../support/docs/page-commands.ts';
import { gcloudCommands, readGcloud, type Gcloud } from '../../support/docs/gcloud-commands.ts';
import { readPage } from '../../support/docs/page-runs.ts';

const DOC = readPage('docs/deploy.md');

/** The fenced block right after `<!-- marker -->`. */
function marked(marker: string): string {
  const at = DOC.indexOf(`<!-- ${marker} -->`);
  const match = /```\w*\n([\s\S]*?)\n```/.exec(DOC.slice(at));
  if (at < 0 || !match?.[1]) throw new Error(`no block after ${marker} in docs/deploy.md`);
  return match[1];
}

const options = parseDeployArgs(words(marked('deploy:command')).slice(4));
const plan: Gcloud[] = deployPlan(options).flatMap((step) => {
  if (step.program !== 'gcloud') return [];
  const text = (args: (string | { ref: string })[]) =>
    args.map((a) => (typeof a === 'string' ? a : `$${a.ref}`));
  const all = [
    text(step.args),
    ...(step.ifExists ? [step.ifExists.probe, text(step.ifExists.args)] : []),
  ];
  return all.map((args) => readGcloud(['gcloud', ...args].join(' '), ['gcloud', ...args]));
});
const guide = gcloudCommands(DOC).map((text) => ({ text, read: () => readGcloud(text) }));

const COMPUTE = '${PROJECT_NUMBER}-compute@developer.gserviceaccount.com';
const PROJECT_NAMED = ['projects create', 'projects describe', 'projects add-iam-policy-binding'];

/** What a command names, by kind: the project, region, service accounts, functions, job, secret. */
function named(command: Gcloud): Record<string, string[]> {
  const f = (name: string) => {
    const value = command.flags.get(name);
    return typeof value === 'string' ? [value] : [];
  };
  const first = command.positional.slice(0, 1);
  const group = command.path.split(' ')[0];
  const accounts = [...command.positional, ...[...command.flags.values()].map(String)]
    .flatMap((word) => /[\w.${}-]+@[\w.-]+\.gserviceaccount\.com/.exec(word) ?? [])
    .filter((account) => account !== COMPUTE);
  if (command.path === 'iam service-accounts create') {
    accounts.push(`${first[0]}@${f('--project')[0]}.iam.gserviceaccount.com`);
  }
  return {
    project: [
      ...f('--project'),
      ...(PROJECT_NAMED.includes(command.path) || command.path.startsWith('projects delete')
        ? first
        : []),
      ...(command.path === 'billing projects link' ? first : []),
      ...(command.path === 'config set' ? command.positional.slice(1) : []),
    ],
    region: [...f('--region'), ...f('--location')],
    account: accounts,
    function: group === 'functions' ? first : [],
    job: group === 'scheduler' ? first : [],
    secret: group === 'secrets' ? first : [],
    repository: group === 'artifacts' ? first : [],
  };
}

/** The same group, names and flags (sh's quoting aside). */
const sameCommand = (a: Gcloud, b: Gcloud): boolean =>
  a.path === b.path &&
  a.positional.join(' ') === b.positional.join(' ') &&
  a.flags.size === b.flags.size &&
  [...a.flags].every(([k, v]) => b.flags.get(k) === v);

describe('docs/deploy.md', () => {
  it('finds the guide’s gcloud commands, in blocks and in the prose', () => {
    expect(guide.length).toBeGreaterThan(30);
    expect(guide.map((g) => g.text)).toContain('gcloud projects delete my-karnameh');
  });

  it.each(fencedBlocks(DOC).filter((b) => b.lang === 'sh'))(
    'the block at line $line is valid shell (bash -n)',
    ({ text }) => {
      const check = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    },
  );

  it.each(guide)('well formed: $text', ({ read }) => {
    expect(read).not.toThrow();
  });

  it('every deploy step the guide shows is in the plan with the same flags (only the invoker or function differs)', () => {
    const read = guide.map((g) => g.read());
    // Each command the plan runs (the job's update, when it exists, aside) is in the guide as is.
    for (const p of plan.filter((c) => !/^scheduler jobs (describe|update)/.test(c.path))) {
      expect(
        read.some((g) => g.text === p.text || sameCommand(g, p)),
        p.text,
      ).toBe(true);
    }
    const steps = read.filter((g) => plan.some((p) => p.path === g.path));
    expect(steps.length).toBeGreaterThan(plan.length - 2);
    for (const step of steps) {
      const counterpart = plan.filter((p) => p.path === step.path);
      const same = counterpart.some(
        (p) =>
          [...p.flags.keys()].sort().join() === [...step.flags.keys()].sort().join() &&
          [...p.flags].every(([k, v]) => k === '--member' || step.flags.get(k) === v) &&
          (step.path.startsWith('functions ') || p.positional.join() === step.positional.join()),
      );
      expect(same, step.text).toBe(true);
    }
  });

  it('every command names the plan’s project, region, service account, functions, job and secret', () => {
    const want: Record<string, string[]> = {
      project: [options.project],
      region: [options.region],
      account: [options.schedulerAccount],
      function: [...FUNCTIONS],
      job: [options.job],
      secret: [options.smtpSecret],
      repository: ['gcf-artifacts'],
    };
    for (const command of guide.map((g) => g.read())) {
      for (const [kind, values] of Object.entries(named(command))) {
        for (const value of values)
          expect(want[kind], `${kind} in ${command.text}`).toContain(value);
      }
      // The functions are 2nd gen: every command that reads or removes one says so.
      if (/^functions (describe|delete|logs read)$/.test(command.path)) {
        expect(command.flags.get('--gen2'), command.text).toBe(true);
      }
    }
  });

  it('init signs in as the same service account and names the same sheet', () => {
    const init = fencedBlocks(DOC)
      .flatMap((b) => b.text.replace(/ *\\\n\s*/g, ' ').split('\n'))
      .find((line) => line.startsWith('npm run karnameh -- init '));
    const args = words(init ?? '');
    expect(args[args.indexOf('--sheet') + 1]).toBe(options.spreadsheet);
    expect(args[args.indexOf('--editor') + 1]).toBe(options.schedulerAccount);
  });
});
