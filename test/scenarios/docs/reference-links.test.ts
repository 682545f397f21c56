// The reference lives in docs/: no file points outside the repository for it, and every `docs/<page>.md#anchor` (and every link between pages) lands on a page and a heading that exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorsOf,
  brokenReferences,
  findReferences,
  slug,
  type RepoFile,
} from '../../support/docs/reference-links.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** What is read: the sources, scripts, tests, benchmarks, templates, the command and the docs. */
const FOLDERS = ['functions', 'scripts', 'test', 'bench', 'templates', 'bin', 'docs'];
const TOP_FILES = ['README.md', 'CHANGELOG.md', 'package.json'];
const TEXT = /\.(ts|js|mjs|cjs|json|md|hbs|css|html|txt|yml|yaml|sh)$/;
const SKIP = new Set(['node_modules', 'fixtures', 'test-artifacts']);
/** The checker and its own test, whose planted bad references are their fixtures. */
const CHECKER = /^test\/(support|scenarios)\/docs\/reference-links/;

function walk(folder: string, out: string[]): string[] {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) walk(path, out);
    } else if (TEXT.test(name)) {
      out.push(path);
    }
  }
  return out;
}

function repoFiles(): RepoFile[] {
  const paths = [
    ...FOLDERS.flatMap((folder) => walk(join(ROOT, folder), [])),
    ...TOP_FILES.map((name) => join(ROOT, name)),
  ];
  return paths
    .map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), absolute: path }))
    .filter(({ path }) => !CHECKER.test(path))
    .map(({ path, absolute }) => ({ path, text: readFileSync(absolute, 'utf8') }));
}

describe('references to the reference pages', () => {
  const files = repoFiles();
  const docs = files.filter((f) => /^docs\/[^/]+\.md$/.test(f.path));

  it('reads the repository (the three reference pages among them)', () => {
    const pages = docs.map((f) => f.path);
    expect(pages).toEqual(
      expect.arrayContaining(['docs/workbook.md', 'docs/command-line.md', 'docs/texts.md']),
    );
    expect(files.length).toBeGreaterThan(100);
    // Enough references are found for the check to mean something.
    expect(findReferences(files).length).toBeGreaterThan(40);
  });

  it('finds nothing pointing outside the repository or to a page or heading that is not there', () => {
    expect(brokenReferences(files)).toEqual([]);
  });
});

describe('the check itself', () => {
  const page: RepoFile = {
    path: 'docs/page.md',
    text: [
      '# The page',
      '## Settings',
      '## When a sent month is "changed"',
      '## دستگاه‌ها و گروه‌ها',
      '## `karnameh run`',
      '```sh',
      '# not a heading',
      '```',
      '## Settings',
      'See [below](#settings-1) and [the other](other.md#nothing).',
      'As the contract says (publishing.md, "The infographic").',
    ].join('\n'),
  };

  it('makes anchors as GitHub does: punctuation dropped, ZWNJ kept, repeats numbered', () => {
    expect([...anchorsOf(page.text)]).toEqual([
      'the-page',
      'settings',
      'when-a-sent-month-is-changed',
      'دستگاه‌ها-و-گروه‌ها',
      'karnameh-run',
      'settings-1',
    ]);
    expect(slug('How karnameh writes an .xlsx')).toBe('how-karnameh-writes-an-xlsx');
  });

  it('catches each kind of bad reference, and passes good ones', () => {
    const code: RepoFile = {
      path: 'functions/x.ts',
      text: [
        `// (${['..', 'shared', 'spec'].join('/')}/workbook.md)`,
        '// interfaces.md, "Environment"',
        '// workbook.md, "Names"',
        '// docs/page.md#settings and docs/page.md#دستگاه‌ها-و-گروه‌ها.',
        '// docs/page.md#no-such-heading',
        '// docs/missing.md',
      ].join('\n'),
    };
    const broken = brokenReferences([page, code]).map((b) => `${b.file}:${b.line} ${b.why}`);
    expect(broken).toEqual([
      'docs/page.md:11 names publishing.md without docs/',
      'functions/x.ts:1 points at the contract outside the repository',
      'functions/x.ts:2 names interfaces.md, which docs/ does not have',
      'functions/x.ts:3 names workbook.md without docs/',
      'docs/page.md:10 docs/other.md is not a page of docs/',
      'functions/x.ts:5 docs/page.md has no heading #no-such-heading',
      'functions/x.ts:6 docs/missing.md is not a page of docs/',
    ]);
  });
});
