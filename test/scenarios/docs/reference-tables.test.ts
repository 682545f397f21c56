/**
 * docs/command-line.md lists every setting (functions/compose/options.ts) and every error
 * code with its exit code and HTTP status (functions/core/contract/errors.ts), as the
 * tables in the code say: a row added, removed or changed in one and not the other fails.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { OPTIONS, type Option } from '../../../functions/compose/options.ts';
import { ERROR_CODES } from '../../../functions/core/contract/errors.ts';

const DOC = readFileSync(new URL('../../../docs/command-line.md', import.meta.url), 'utf8');

/** The rows of the first table under `## heading`, as trimmed cells without backticks. */
function tableUnder(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const lines = section.split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  return lines
    .slice(first, end < 0 ? undefined : end)
    .filter((line) => !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/`/g, '')),
    );
}

it('## Environment: every setting, its older name, flag and default', () => {
  const expected = Object.values(OPTIONS).map((o: Option) => [
    o.env,
    o.legacy ?? '',
    o.flag ? `--${o.flag}` : '',
    o.cliDefault ? `${o.cliDefault} (command line)` : '',
  ]);
  expect(tableUnder('Environment').map((row) => row.slice(0, 4))).toEqual(expected);
});

it('## Error codes: every code with its exit code and HTTP status', () => {
  const expected = Object.entries(ERROR_CODES).map(([code, row]) => [
    code,
    row.exit === null ? '–' : String(row.exit),
    String(row.http),
  ]);
  expect(tableUnder('Error codes').map((row) => row.slice(0, 3))).toEqual(expected);
});
