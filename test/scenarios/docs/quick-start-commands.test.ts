/**
 * README.md's commands, run as written in a copy of this checkout (issue 24: a fresh clone's
 * quick start). Every fenced command and every `npm …` span of the page is run here or listed
 * as not run, with the reason.
 */
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loadCli } from '../../../bin/entry.js';
import { NPM_CI, pageTests, readPage, type Entry } from '../../support/docs/page-runs.ts';
import {
  filesUnder,
  makeSandbox,
  ROOT,
  sameBytes,
  tabs,
  type Sandbox,
} from '../../support/docs/sandbox.ts';

let box: Sandbox;
beforeAll(async () => {
  box = await makeSandbox();
});
afterAll(() => box.cleanup());

const EXAMPLE = `${ROOT}examples/ilam-1403.xlsx`;
const PAGE = readPage('README.md');
/** The demo's copy of the example and the dry run's release, where the README says they are. */
const COPY = /`(outbox\/[\w-]+\.xlsx)`/.exec(PAGE)?.[1] ?? 'the README names no copy';
const RELEASE =
  /`(outbox\/preview\/[\w-]+\.html)`/.exec(PAGE)?.[1] ?? 'the README names no preview';

/** A command run in the copy: exit 0, or the error says what it printed. */
async function ok(text: string, env?: NodeJS.ProcessEnv) {
  const result = await box.sh(text, env);
  expect(result.code, `${text}\n${result.stdout}\n${result.stderr}`).toBe(0);
  // Which stream a line goes to is the terminal's business (summary on stdout, logs on stderr).
  return { ...result, said: result.stdout + result.stderr };
}

const rowsOf = async (path: string, tab: string): Promise<number> =>
  (await tabs(path)).get(tab)?.length ?? 0;

type Main = (
  argv: string[],
  io: { env: NodeJS.ProcessEnv; stdout: (t: string) => void; stderr: (t: string) => void },
) => Promise<number>;

/** `karnameh …` in this process (bin/entry.js picks the build or the sources): exit code and stdout. */
async function karnameh(argv: string[]): Promise<{ code: number; stdout: string }> {
  const { main } = (await loadCli()) as unknown as { main: Main };
  let stdout = '';
  const code = await main(argv, { env: {}, stdout: (t) => (stdout += t), stderr: () => undefined });
  return { code, stdout };
}

const README: Entry[] = [
  { step: 'npm ci', notRun: NPM_CI },
  {
    step: 'npm run demo',
    run: async (text) => {
      const { stdout } = await ok(text);
      expect(stdout, 'the month’s figures').toContain('تیر ۱۴۰۳ (1403-04)');
      const copy = box.path(COPY);
      // The results and runs tabs written into the copy; the bundled file as it was.
      expect(await rowsOf(copy, 'نتایج')).toBeGreaterThan(await rowsOf(EXAMPLE, 'نتایج'));
      expect(await rowsOf(copy, 'اجراها')).toBeGreaterThan(await rowsOf(EXAMPLE, 'اجراها'));
      expect(await sameBytes(EXAMPLE, box.path('examples/ilam-1403.xlsx'))).toBe(true);
      // Each message as an .eml under outbox/ (the release to 3 recipients, 110 cards).
      expect((await filesUnder(box.path('outbox'), '.eml')).length).toBeGreaterThanOrEqual(113);
    },
  },
  { step: 'npm test', notRun: 'the whole test suite, this file among it' },
  {
    step: 'npm run demo -- --dry-run',
    run: async (text) => {
      const before = (await filesUnder(box.path('outbox'), '.eml')).length;
      const started = Date.now();
      const { said } = await ok(text);
      expect(said).toContain('dry run: nothing written, nothing sent');
      // Nothing written into the (fresh) copy of the example, nothing sent.
      expect(await sameBytes(EXAMPLE, box.path(COPY))).toBe(true);
      expect((await filesUnder(box.path('outbox'), '.eml')).length).toBe(before);
      const release = await stat(box.path(RELEASE));
      expect(release.mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    },
  },
  {
    // The synopsis lines: each flag they show is one the command takes (its --help names it).
    step: /^karnameh (?!help$)[a-z-]+\b/,
    run: async (line) => {
      const command = line.split(/\s+/)[1] ?? '';
      const help = await karnameh([command, '--help']);
      expect(help.code).toBe(0);
      for (const flag of line.match(/--[a-z-]+/g) ?? []) expect(help.stdout).toContain(flag);
    },
  },
  {
    step: 'karnameh help',
    run: async () => {
      const help = await karnameh(['help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage:/);
    },
  },
  {
    step: 'npm run karnameh -- run --workbook examples/ilam-1403.xlsx --month 1403-04 --dry-run',
    run: async (text) => {
      const started = Date.now();
      const { said } = await ok(text);
      expect(said).toContain('dry run: nothing written, nothing sent');
      expect(await sameBytes(EXAMPLE, box.path('examples/ilam-1403.xlsx'))).toBe(true);
      const release = await stat(box.path(RELEASE));
      expect(release.mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    },
  },
  { step: 'npm run check', notRun: 'the typecheck, the linter and the whole test suite' },
  { step: 'npm run test:core', notRun: 'part of the test suite, which runs those tests itself' },
  { step: 'npm run bench', notRun: 'minutes of benchmarks; their figures are kept in bench/' },
];

describe('README.md', () => {
  pageTests('README.md', README, 120_000);
});
