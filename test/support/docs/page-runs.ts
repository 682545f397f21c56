/**
 * Runs a documentation page's commands in page order: each step of the page (page-commands.ts)
 * is matched by exactly one entry, which runs it or says why it is not run here; a command
 * added to the page without an entry, or an entry whose command left the page, fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { pageSteps, type PageStep } from './page-commands.ts';
import { ROOT } from './sandbox.ts';

/** `npm ci` itself: a fresh install (about 40 s, over the network) is not repeated here. */
export const NPM_CI =
  "installs the dependencies; the copy links this checkout's node_modules, installed by npm ci";

/** How one command of a page (an exact text, or a pattern for a family of lines) is handled. */
export type Entry =
  | { step: string | RegExp; run: (text: string) => Promise<void> }
  | { step: string | RegExp; notRun: string };

const matches = (entry: Entry, text: string): boolean =>
  typeof entry.step === 'string' ? entry.step === text : entry.step.test(text);

const label = (entry: Entry): string =>
  typeof entry.step === 'string' ? entry.step : String(entry.step);

/** What is wrong with the entries for these steps: unmatched steps, doubly matched, stale entries. */
function accountFor(steps: PageStep[], entries: Entry[]): string[] {
  const problems: string[] = [];
  for (const step of steps) {
    const found = entries.filter((entry) => matches(entry, step.text));
    if (found.length === 0)
      problems.push(`line ${step.line}: neither run nor listed: ${step.text}`);
    if (found.length > 1) problems.push(`line ${step.line}: more than one entry: ${step.text}`);
  }
  for (const entry of entries) {
    if (!steps.some((step) => matches(entry, step.text))) {
      problems.push(`no longer on the page: ${label(entry)}`);
    }
  }
  return problems;
}

export const readPage = (page: string): string => readFileSync(join(ROOT, page), 'utf8');

/**
 * Registers the page's tests: every step accounted for; each command not run here, with its
 * reason, as a test of its own (so the list shows in every run); then the commands, in page order.
 */
export function pageTests(page: string, entries: Entry[], timeout: number): void {
  const steps = pageSteps(readPage(page));

  it(`${page}: every command on the page is run below, or listed as not run with its reason`, () => {
    expect(accountFor(steps, entries)).toEqual([]);
  });

  for (const entry of entries) {
    if (!('notRun' in entry)) continue;
    it(`${page}: not run here: ${label(entry)} (${entry.notRun})`, () => {
      expect(steps.some((step) => matches(entry, step.text))).toBe(true);
    });
  }

  it(
    `${page}: its commands, run as written, in page order`,
    async () => {
      let ran = 0;
      for (const step of steps) {
        const entry = entries.find((e) => matches(e, step.text));
        if (!entry || !('run' in entry)) continue;
        try {
          await entry.run(step.text);
        } catch (error) {
          throw new Error(`${page} line ${step.line}: ${step.text}`, { cause: error });
        }
        ran += 1;
      }
      expect(ran).toBeGreaterThan(0);
    },
    timeout,
  );
}
