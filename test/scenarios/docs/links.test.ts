/** Every relative link of the README and docs/ leads to a file of this repository, and its #anchor to a heading there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../support/docs/sandbox.ts';

const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`),
].filter((page) => page.endsWith('.md'));

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');

const headings = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => anchor(line.replace(/^#+ /, '')));

it.each(PAGES)('%s: its links lead inside the repository, to headings that exist', (page) => {
  const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  const broken: string[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
    const [file = '', hash] = target.split('#');
    const path = file ? join(dirname(join(ROOT, page)), file) : join(ROOT, page);
    if (relative(ROOT, path).startsWith('..')) broken.push(`${target}: outside the repository`);
    else if (!existsSync(path)) broken.push(`${target}: no such file`);
    else if (hash && !headings(path).includes(hash)) broken.push(`${target}: no such heading`);
  }
  expect(broken).toEqual([]);
});
