/**
 * scripts/deploy.ts: its --dry-run output is what docs/deploy.md shows, its arguments are
 * checked, and for real it runs the same commands (here through a recording `exec`). The
 * guide's other gcloud commands are checked against the plan in test/scenarios/docs/deploy-guide.test.ts.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deploy, type Exec } from '../../scripts/deploy.ts';
import { words } from '../support/docs/page-commands.ts';

const DOC = fileURLToPath(new URL('../../docs/deploy.md', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/deploy.ts', import.meta.url));

/** The fenced block right after `<!-- marker -->` in the document. */
function block(doc: string, marker: string): string {
  const at = doc.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`no ${marker} in docs/deploy.md`);
  const match = /```\w*\n([\s\S]*?)\n```/.exec(doc.slice(at));
  if (!match?.[1]) throw new Error(`no code block after ${marker}`);
  return match[1];
}

/** The arguments after `npm run deploy --`. */
function deployArgs(command: string): string[] {
  const all = words(command);
  expect(all.slice(0, 4)).toEqual(['npm', 'run', 'deploy', '--']);
  return all.slice(4);
}

describe('npm run deploy', () => {
  it('--dry-run prints exactly the commands docs/deploy.md shows, and the real command differs only by --dry-run', async () => {
    const doc = await readFile(DOC, 'utf8');
    const args = deployArgs(block(doc, 'deploy-dry-run:command'));
    expect(args).toContain('--dry-run');
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, ...args]);
    expect(stdout.trimEnd()).toBe(block(doc, 'deploy-dry-run:output'));
    expect(deployArgs(block(doc, 'deploy:command'))).toEqual(args.filter((a) => a !== '--dry-run'));

    // What the deployment must be, whatever the wording.
    expect(stdout).toContain('--no-allow-unauthenticated');
    expect(stdout.match(/--max-instances 1/g)).toHaveLength(2);
    expect(stdout).toContain('--set-secrets SMTP_URL=karnameh-smtp-url:latest');
    expect(stdout).toContain(
      '--oidc-service-account-email karnameh@my-karnameh.iam.gserviceaccount.com',
    );
    expect(stdout).toContain('--time-zone Asia/Tehran');
  });

  it.each([
    [['--project', 'My_Project'], '--project must be a project id'],
    [['--invokers', 'secretary@example.org'], '--invokers each must be user:EMAIL'],
    [['--mail-from', 'a@example.org, b@example.org'], '--mail-from must not hold a comma'],
    [
      ['--scheduler-account', 'someone@example.org'],
      '--scheduler-account must be a service account',
    ],
    [['--region', 'tehran'], '--region must be a region'],
    [['--site-bucket', 'Not A Bucket'], '--site-bucket must be a bucket name'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j: %s', async (bad, message) => {
    const good: Record<string, string> = {
      '--project': 'my-karnameh',
      '--region': 'europe-west1',
      '--spreadsheet': '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      '--smtp-secret': 'karnameh-smtp-url',
      '--mail-from': 'pr@example.org',
      '--scheduler-account': 'karnameh@my-karnameh.iam.gserviceaccount.com',
    };
    const [flag, value] = bad;
    if (flag && value !== undefined) good[flag] = value;
    const argv = ['--dry-run', ...Object.entries(good).flat(), ...(value === undefined ? bad : [])];
    let stderr = '';
    const code = await deploy(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('for real: runs each command with an argument array, the watcher URL filled in, the job updated when it exists', async () => {
    const doc = await readFile(DOC, 'utf8');
    const ran: string[][] = [];
    const exec: Exec = async (program, args) => {
      ran.push([program, ...args]);
      const describe = args[0] === 'functions' && args[1] === 'describe';
      return { code: 0, stdout: describe ? 'https://watchsheet-abc123-ew.a.run.app\n' : '' };
    };
    let out = '';
    const code = await deploy(deployArgs(block(doc, 'deploy:command')), {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      exec,
      probe: async () => true,
    });
    expect(code, out).toBe(0);
    expect(ran.map((r) => r.slice(0, 4).join(' '))).toEqual([
      'npm run build',
      'gcloud secrets add-iam-policy-binding karnameh-smtp-url',
      'gcloud functions deploy monthlyRun',
      'gcloud functions deploy watchSheet',
      'gcloud functions add-invoker-policy-binding monthlyRun',
      'gcloud functions add-invoker-policy-binding watchSheet',
      'gcloud functions describe watchSheet',
      'gcloud scheduler jobs update',
    ]);
    const job = ran.at(-1) ?? [];
    expect(job[job.indexOf('--uri') + 1]).toBe('https://watchsheet-abc123-ew.a.run.app');
    expect(job[job.indexOf('--oidc-token-audience') + 1]).toBe(
      'https://watchsheet-abc123-ew.a.run.app',
    );
    expect(job[job.indexOf('--schedule') + 1]).toBe('*/15 * * * *');
    const env = ran[2]?.[(ran[2]?.indexOf('--set-env-vars') ?? 0) + 1];
    expect(env).toBe(
      'KARNAMEH_SHEET=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789,MAIL_FROM=Ilam PR <pr@example.org>,NODE_ENV=production',
    );
  });

  it('--smtp-rate reaches both functions as SMTP_RATE (they used to deploy without a pace)', async () => {
    const doc = await readFile(DOC, 'utf8');
    const ran: string[][] = [];
    const exec: Exec = async (program, args) => {
      ran.push([program, ...args]);
      return { code: 0, stdout: 'https://watchsheet-abc123-ew.a.run.app\n' };
    };
    const args = [...deployArgs(block(doc, 'deploy:command')), '--smtp-rate', '0.5'];
    const code = await deploy(args, {
      stdout: () => undefined,
      stderr: () => undefined,
      exec,
      probe: async () => true,
    });
    expect(code).toBe(0);
    const deploys = ran.filter((r) => r[1] === 'functions' && r[2] === 'deploy');
    expect(deploys).toHaveLength(2);
    for (const step of deploys) {
      expect(step[step.indexOf('--set-env-vars') + 1]).toContain(',SMTP_RATE=0.5,');
      expect(step[step.indexOf('--timeout') + 1]).toBe('300s');
    }
    let err = '';
    const bad = await deploy([...args.slice(0, -1), '0'], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      exec,
    });
    expect(bad).toBe(2);
    expect(err).toContain('--smtp-rate must be a number of messages per second');
  });

  it('stops at the first command that fails', async () => {
    const doc = await readFile(DOC, 'utf8');
    const ran: string[] = [];
    let err = '';
    const code = await deploy(deployArgs(block(doc, 'deploy:command')), {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      exec: async (program, args) => {
        ran.push(`${program} ${args[0]}`);
        return { code: args[1] === 'deploy' ? 1 : 0, stdout: '' };
      },
      probe: async () => false,
    });
    expect(code).toBe(1);
    expect(ran).toEqual(['npm run', 'gcloud secrets', 'gcloud functions']);
    expect(err).toContain('deploy stopped');
  });

  it("--site-bucket puts KARNAMEH_SITE_BUCKET among the functions' variables (a redeploy keeps it)", async () => {
    const doc = await readFile(DOC, 'utf8');
    const ran: string[][] = [];
    const code = await deploy(
      [...deployArgs(block(doc, 'deploy:command')), '--site-bucket', 'gs://karnameh-ilam-site'],
      {
        stdout: () => undefined,
        stderr: () => undefined,
        exec: async (program, args) => {
          ran.push([program, ...args]);
          return { code: 0, stdout: 'https://watchsheet-abc123-ew.a.run.app\n' };
        },
        probe: async () => true,
      },
    );
    expect(code).toBe(0);
    const deploys = ran.filter((r) => r[1] === 'functions' && r[2] === 'deploy');
    expect(deploys).toHaveLength(2);
    for (const d of deploys) {
      expect(d[d.indexOf('--set-env-vars') + 1]).toMatch(
        /,KARNAMEH_SITE_BUCKET=karnameh-ilam-site(,|$)/,
      );
    }
  });
});
