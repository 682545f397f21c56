// Paths inside files after test files moved: relative literals in code, repo-rooted paths in docs and configuration.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize, relative } from 'node:path';

/**
 * A relative path in quotes: './x.ts', '../../bin/karnameh.js', '../..', '../fixtures/xlsx/'.
 * A lone '.' or '..' is left alone: it is as often a string compared as a path.
 */
const RELATIVE_LITERAL = /(['"`])(\.\.?\/[^'"`$\n\\]*)\1/g;

export interface RefContext {
  root: string;
  /** Old path → new path (repository-relative). */
  moves: Readonly<Record<string, string>>;
}

const exists = (ctx: RefContext, path: string): boolean => existsSync(join(ctx.root, path));

/** The path a literal names from `dir`, repository-relative ('' for the root itself). */
const resolveFrom = (dir: string, literal: string): string => {
  const joined = normalize(join(dir, literal)).replace(/\/$/, '');
  return joined === '.' ? '' : joined;
};

/** `target` as a literal written in a file of folder `dir`, keeping a trailing slash if it had one. */
function literalFor(dir: string, target: string, before: string): string {
  let rel = relative(dir || '.', target || '.') || '.';
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return before.endsWith('/') && !rel.endsWith('/') ? `${rel}/` : rel;
}

/** Where a path is now: its new place if it moved and the new place exists, else itself. */
function now(ctx: RefContext, path: string): string | null {
  const moved = ctx.moves[path];
  if (moved && exists(ctx, moved)) return moved;
  return exists(ctx, path) ? path : null;
}

/**
 * The literal as it should read in `current`. A file moved in this pass reads its literals
 * from where it was (`previous`); any other file keeps a literal that still names something,
 * and a broken one is mended through the table (a moved target, or a file merged in from a
 * branch that still had the old layout).
 */
export function mendLiteral(
  ctx: RefContext,
  literal: string,
  current: string,
  previous: string,
  movedNow: boolean,
): string {
  const dir = dirname(current);
  const oldDir = dirname(previous);
  if (!movedNow && exists(ctx, resolveFrom(dir, literal))) return literal;
  const fromHere = movedNow ? null : now(ctx, resolveFrom(dir, literal));
  const target = fromHere ?? now(ctx, resolveFrom(oldDir, literal));
  if (target === null) return literal;
  return literalFor(dir === '.' ? '' : dir, target, literal);
}

/** Mends every relative literal of one code file; true when it changed. */
export function mendCodeFile(
  ctx: RefContext,
  current: string,
  previous: string,
  movedNow: boolean,
): boolean {
  const path = join(ctx.root, current);
  const text = readFileSync(path, 'utf8');
  const mended = text.replace(RELATIVE_LITERAL, (whole, quote: string, literal: string) => {
    const next = mendLiteral(ctx, literal, current, previous, movedNow);
    return next === literal ? whole : `${quote}${next}${quote}`;
  });
  if (mended === text) return false;
  writeFileSync(path, mended);
  return true;
}

/** Replaces repo-rooted mentions of old paths (`test/cli/watch.test.ts`) by the new ones; true when it changed. */
export function mendRootedFile(ctx: RefContext, file: string): boolean {
  const path = join(ctx.root, file);
  const text = readFileSync(path, 'utf8');
  let mended = text;
  for (const [from, to] of Object.entries(ctx.moves)) {
    if (exists(ctx, from) || !exists(ctx, to)) continue;
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    mended = mended.replace(new RegExp(`(?<![\\w./-])${escaped}(?![\\w-])`, 'g'), to);
  }
  if (mended === text) return false;
  writeFileSync(path, mended);
  return true;
}

/** Mentions of `test/...` paths that name nothing, in files outside test/: for a person to fix. */
export function danglingMentions(ctx: RefContext, file: string): string[] {
  const text = readFileSync(join(ctx.root, file), 'utf8');
  const found = text.match(/(?<![\w./-])test\/[\w./-]*[\w]/g) ?? [];
  return [...new Set(found)].filter((p) => !exists(ctx, p)).map((p) => `${file}: ${p}`);
}

/** Bare mentions of a moved file's old name that changed (`see second-province.ts`): for a person to fix. */
export function oldNameMentions(ctx: RefContext, file: string): string[] {
  const lines = readFileSync(join(ctx.root, file), 'utf8').split('\n');
  const found: string[] = [];
  for (const [from, to] of Object.entries(ctx.moves)) {
    const name = basename(from);
    if (name === basename(to) || exists(ctx, from) || !exists(ctx, to)) continue;
    const bare = new RegExp(`(?<![\\w./-])${name.replace(/\./g, '\\.')}(?![\\w-])`);
    lines.forEach((line, i) => {
      if (bare.test(line)) found.push(`${file}:${i + 1}: ${name} (now ${to})`);
    });
  }
  return found;
}
