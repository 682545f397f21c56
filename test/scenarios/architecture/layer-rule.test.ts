/** The layer rule (.dependency-cruiser.js) holds on the tree and fails on wrong imports; every source file says what it is. */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

interface Violation {
  from: string;
  rule: string;
}

/**
 * dependency-cruiser over `functions/` in `cwd`, as `npm run lint` runs it: its exit code
 * and the violations its report names (`error <rule>: <from> → …`).
 */
function cruise(cwd: string): { status: number | null; violations: Violation[]; output: string } {
  const bin = join(root, 'node_modules', '.bin', 'depcruise');
  const args = ['functions', '--config', '.dependency-cruiser.js', '--output-type', 'err'];
  const run = spawnSync(bin, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`;
  const violations = [...output.matchAll(/error (\S+): (\S+) →/g)].map(([, rule, from]) => ({
    rule: rule ?? '',
    from: from ?? '',
  }));
  return { status: run.status, violations, output };
}

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of functions/ and the config, with `files` (path → source) written into it. */
function treeWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'karnameh-layers-'));
  copies.push(dir);
  cpSync(join(root, 'functions'), join(dir, 'functions'), { recursive: true });
  for (const name of ['.dependency-cruiser.js', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, name), join(dir, name));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

describe('the layer rule', () => {
  it('is part of npm run lint', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.lint).toContain('depcruise functions --config .dependency-cruiser.js');
  });

  it('passes on the tree as it is', { timeout: 120_000 }, () => {
    const result = cruise(root);
    expect(result.violations).toEqual([]);
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('names the rule each wrong import breaks', { timeout: 120_000 }, () => {
    const wrong: Record<string, [source: string, rule: string]> = {
      // language is the lowest part of the core: figures is above it.
      'functions/core/language/upward.ts': [
        "export { computeSummary } from '../figures/compute-summary.ts';\n",
        'core-language-imports-only-below',
      ],
      'functions/core/site/picture.ts': [
        "export { PALETTE } from '../infographic/palette.ts';\n",
        'core-site-imports-only-below',
      ],
      'functions/core/figures/reads-files.ts': [
        "export { readFileSync } from 'node:fs';\n",
        'core-no-node-io',
      ],
      'functions/core/contract/knows-ports.ts': [
        "export type { WorkbookStore } from '../../ports.ts';\n",
        'core-imports-only-core',
      ],
      'functions/use-cases/logs-itself.ts': [
        "export { createTextLogger } from '../adapters/logger.ts';\n",
        'use-cases-take-ports',
      ],
      'functions/adapters/runs-a-use-case.ts': [
        "export { createMonthLock } from '../use-cases/month-lock.ts';\n",
        'adapters-below-use-cases',
      ],
      'functions/compose/knows-http.ts': [
        "export { sendJson } from '../http/respond.ts';\n",
        'compose-below-shells',
      ],
      'functions/http/uses-cli.ts': [
        "export { USAGE } from '../cli/usage.ts';\n",
        'http-and-cli-apart',
      ],
      'functions/core/language/ring-a.ts': [
        "import { b } from './ring-b.ts';\nexport const a = (): number => b() + 1;\n",
        'no-cycles',
      ],
    };
    // The other half of the cycle: the report names the cycle once, from ring-a.
    const ringB = "import { a } from './ring-a.ts';\nexport const b = (): number => a() - 1;\n";
    const files = Object.fromEntries(
      Object.entries(wrong).map(([path, [source]]) => [path, source]),
    );
    const result = cruise(treeWith({ ...files, 'functions/core/language/ring-b.ts': ringB }));
    expect(result.status).not.toBe(0);
    for (const [path, [, rule]] of Object.entries(wrong)) {
      const hits = result.violations.filter((v) => v.from === path).map((v) => v.rule);
      expect(hits, path).toContain(rule);
    }
    expect(result.output).toMatch(/ring-a\.ts →\s+functions\/core\/language\/ring-b\.ts →/);
    const paths = new Set(Object.keys(wrong));
    expect(result.violations.filter((v) => !paths.has(v.from))).toEqual([]);
  });
});

/**
 * The first line of text of a source's opening comment (`/** …` or `//`, after any `#!`),
 * when that line reads as a sentence: at least three words, starting with a letter, digit,
 * quote or backtick. Null otherwise.
 */
function openingLine(source: string): string | null {
  const lines = source.split('\n');
  const start = lines[0]?.startsWith('#!') ? 1 : 0;
  const first = lines[start] ?? '';
  if (!first.startsWith('/**') && !first.startsWith('//')) return null;
  let text = first
    .replace(/^\/\*\*|^\/\//, '')
    .replace(/\*\/\s*$/, '')
    .trim();
  if (text === '' && first.startsWith('/**')) {
    text = (lines[start + 1] ?? '').replace(/^\s*\*/, '').trim();
  }
  const sentence = /^[\p{L}\p{N}`'"«(]/u.test(text) && text.split(/\s+/).length >= 3;
  return sentence ? text : null;
}

/** Every .ts / .js / .mjs file under the given folders of the repository. */
function sources(folders: string[]): string[] {
  return folders.flatMap((folder) =>
    (readdirSync(join(root, folder), { recursive: true }) as string[])
      .filter((name) => /\.(ts|js|mjs)$/.test(name))
      .map((name) => join(folder, name)),
  );
}

describe('every source file opens with a line saying what it is', () => {
  it('reads an opening line only where there is one', () => {
    expect(openingLine('/** The results tab, written whole. */\nexport {};')).toBe(
      'The results tab, written whole.',
    );
    expect(openingLine('#!/usr/bin/env node\n/**\n * A script that builds things.\n */')).toBe(
      'A script that builds things.',
    );
    expect(openingLine("import { x } from './x.ts';\n/** Comes too late. */")).toBeNull();
    expect(openingLine('// eslint-disable\nexport {};')).toBeNull();
    expect(openingLine('/** */\nexport {};')).toBeNull();
  });

  it('holds in functions/, scripts/, bench/ and bin/', () => {
    const files = sources(['functions', 'scripts', 'bench', 'bin']);
    expect(files.length).toBeGreaterThan(200);
    const without = files.filter((f) => openingLine(readFileSync(join(root, f), 'utf8')) === null);
    expect(without).toEqual([]);
  });
});
