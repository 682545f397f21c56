/**
 * Issue 8, the command line's rough edges: help, the month in every cell form and never
 * after the current one, problems labelled by their real severity, flags a command does not
 * take, and a Node too old for bin/karnameh.js.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { contractWorkbook, problemWorkbook } from '../../support/contract-workbook.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await box.cleanup();
});

const BIN = new URL('../../../bin/karnameh.js', import.meta.url).pathname;
const exec = promisify(execFile);

async function spawnWith(node: string, args: string[]) {
  try {
    const { stdout, stderr } = await exec(node, args, { env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('help', () => {
  it.each([['help'], ['--help'], ['-h']])(
    '%s prints the whole usage on stdout and exits 0',
    async (...args) => {
      const result = await karnameh(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage:\n {2}karnameh run/);
      expect(result.stdout).toContain('karnameh remind');
      expect(result.stdout).toContain('تیر ۱۴۰۳');
      expect(result.stderr).toBe('');
    },
  );

  it.each([
    ['run', '--help'],
    ['check', '-h'],
    ['help', 'remind'],
  ])("%s %s prints that command's usage alone", async (...args) => {
    const command = args[0] === 'help' ? args[1] : args[0];
    const result = await karnameh(args);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'usage:',
      expect.stringMatching(new RegExp(`^  karnameh ${command} +\\[`)),
    ]);
    expect(lines.filter((l) => /^ {2}karnameh /.test(l))).toHaveLength(1);
    expect(result.stdout).toContain('تیر ۱۴۰۳');
  });

  it('--version prints the package version', async () => {
    const result = await karnameh(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('karnameh 0.1.0\n');
  });
});

describe('a mistake in the command line: one error line, the usage line it concerns, where more is', () => {
  it.each([
    [['run', '--dryrun'], 'unknown option --dryrun (did you mean --dry-run?)', 'run'],
    [['check', '--jsn'], 'unknown option --jsn (did you mean --json?)', 'check'],
    [['rnu'], 'unknown command "rnu" (did you mean run?)', null],
    [['fly'], 'unknown command "fly"', null],
    [['run', '--month'], '--month needs a value', 'run'],
  ])('%j', async (args, message, command) => {
    const result = await karnameh(args);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`karnameh error: ${message}`);
    expect(lines[1]).toMatch(
      command ? new RegExp(`^usage: karnameh ${command} \\[`) : /^usage: karnameh COMMAND/,
    );
    expect(lines[2]).toBe(`more:  karnameh ${command ? `${command} ` : ''}--help`);
    expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|To specify a positional/);
  });
});

describe('--month', () => {
  it.each(['1403-04', '1403-4', '۱۴۰۳/۰۴', 'تیر ۱۴۰۳', ' 1403/04 '])(
    '%j is Tir 1403',
    async (month) => {
      const result = await karnameh([
        'check',
        '--workbook',
        box.workbook,
        '--month',
        month,
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.summary().month).toBe('1403-04');
    },
  );

  it('a month after the current one (Asia/Tehran) is refused; the current one is not', async () => {
    // 2024-07-25 is 4 Mordad 1403.
    const later = await karnameh(['run', '--workbook', box.workbook, '--month', 'شهریور ۱۴۰۳']);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain('1403-06 is after the current month (1403-05, Asia/Tehran)');
    const current = await karnameh(['check', '--workbook', box.workbook, '--month', '1403-05']);
    expect(current.code, current.stderr).not.toBe(2);
  });

  it('text that is no month is a usage error naming the forms', async () => {
    const result = await karnameh(['check', '--workbook', box.workbook, '--month', '1403-13']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--month 1403-13: not a month');
  });
});

describe('flags a command does not take are a usage error', () => {
  it.each([
    ['check', '--force'],
    ['check', '--dry-run'],
    ['check', '--outbox', 'x'],
    ['init', '--dry-run'],
    ['init', '--month', '1403-04'],
    ['run', '--example'],
  ])('%s %s', async (command, ...flags) => {
    const result = await karnameh([command, '--workbook', box.workbook, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`karnameh ${command} does not take ${flags[0]}`);
    expect(result.stderr).toContain('usage:');
  });
});

describe('a flag given twice is a usage error, not the last one winning', () => {
  it.each([
    ['run', '--to', 'a@example.org', '--to', 'b@example.org'],
    ['run', '--month', '1403-04', '--month', '1403-03'],
    ['check', '--json', '--json'],
  ])('%s %s … %s', async (command, ...flags) => {
    const result = await karnameh([command, '--workbook', box.workbook, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${flags[0]} given more than once`);
  });
});

describe('problems are labelled by their severity', () => {
  it('each error line says error, each warning line says warning, and the counts agree', async () => {
    const path = join(box.dir, 'problems.xlsx');
    await writeWorkbookXlsx(problemWorkbook(), path);
    const result = await karnameh(['check', '--workbook', path, '--month', '1403-04', '--json']);
    expect(result.code).toBe(1);
    const summary = result.summary();
    const lines = result.stderr.split('\n');
    const labelled = (level: string) =>
      lines.filter((l) => new RegExp(`^karnameh ${level}: \\S+ [a-z]+\\.[a-z_]+: `).test(l));
    const errors = summary.problems.filter((p) => p.severity === 'error');
    const warnings = summary.problems.filter((p) => p.severity === 'warning');
    expect(errors.length).toBeGreaterThan(0);
    expect(warnings.length).toBeGreaterThan(0);
    expect(labelled('error')).toHaveLength(errors.length);
    expect(labelled('warning')).toHaveLength(warnings.length);
    for (const w of warnings) {
      expect(lines).toContain(`karnameh warning: ${w.tab}!${w.cell} ${w.code}: ${w.message}`);
    }
    expect(result.stderr).toContain(`${errors.length} error(s), ${warnings.length} warning(s)`);
  });
});

describe('a definition error through the command line', () => {
  it('stops the real run (exit 1, nothing in the outbox); the dry run renders and warns BLOCKED', async () => {
    const content = contractWorkbook();
    const agencies = content.tabs.find((t) => t.name === 'دستگاه‌ها');
    const row = agencies?.rows[2];
    if (row) row[2] = null;
    const path = join(box.dir, 'blank-group.xlsx');
    await writeWorkbookXlsx(content, path);
    const common = ['--workbook', path, '--month', '1403-04', '--outbox', box.outbox];

    const real = await karnameh(['run', ...common, '--allow-incomplete']);
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('karnameh error: دستگاه‌ها!C3 agency.invalid: ');
    expect(real.stderr).toMatch(/karnameh error: 1 definition error\(s\) stop every run/);
    await expect(readdir(box.outbox).catch(() => [])).resolves.toEqual([]);

    const dry = await karnameh(['run', ...common, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain(
      'karnameh warning: dry run: nothing written, nothing sent (BLOCKED: a real run would stop: 1 definition error(s)',
    );
    expect(await readdir(join(box.outbox, 'preview'))).toContain('release.html');
  });
});

describe('a Node too old for bin/karnameh.js', () => {
  const expectOneLine = (
    result: { code: number; stdout: string; stderr: string },
    version: string,
  ) => {
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`this is Node.js ${version}; karnameh needs Node.js 22.18 or newer`);
    expect(lines[0]).toContain('npm run karnameh');
    expect(result.stderr).not.toMatch(/at .*\(|ERR_|node:internal/);
  };

  it('gets one line saying which Node is needed and how the README gets it', async () => {
    // This Node, told it is 22.17.0 before the script runs.
    const pretend = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"22.17.0"})`;
    expectOneLine(
      await spawnWith(process.execPath, ['--import', pretend, BIN, '--help']),
      '22.17.0',
    );

    // And the machine's own Node when it is an old one (Debian's is 20), as a user runs it.
    for (const node of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
      let version = '';
      try {
        version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim().slice(1);
      } catch {
        continue;
      }
      const [major = 0, minor = 0] = version.split('.').map(Number);
      if (major > 22 || (major === 22 && minor >= 18)) continue;
      expectOneLine(await spawnWith(node, [BIN, 'run', '--dry-run']), version);
    }
  });
});
