// Finding references to the reference pages in the repository's files, and the ones that do not land: on the contract outside the repository, a page of docs/ that is not there, or a heading anchor no page has.

export interface RepoFile {
  /** Relative to the repository, with `/`. */
  path: string;
  text: string;
}

export interface Reference {
  file: string;
  line: number;
  /** `docs/<page>.md`, or the page itself for an anchor inside it. */
  page: string;
  /** Without the `#`; null when the reference names the page alone. */
  anchor: string | null;
}

export interface Broken {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** The contract's folder beside the repository (spelled in parts, so this file does not name it). */
const OUTSIDE = ['shared', 'spec'].join('/');
/** Names of the contract's files that docs/ has no page of: any mention of them is stale. */
const CONTRACT_ONLY = new Set(['interfaces', 'press-release']);
/** A contract file's name, with the `docs/` before it when there is one. */
const CONTRACT_NAME = /(^|[^\w/.-])(docs\/)?(workbook|interfaces|press-release|publishing)\.md/g;
/** `docs/<page>.md`, with its anchor: an anchor holds no space, bracket, quote, backtick, comma or colon. */
const DOCS_REFERENCE = /(?<![\w.-])docs\/([\w-]+)\.md(?:#([^\s)\]`'",;:<>|*]+))?/g;
/** A markdown link's target. */
const LINK = /\]\(([^)\s]+)\)/g;
/** ZWNJ and ZWJ, which Persian spelling needs: a heading's anchor keeps them. */
const JOINERS = new Set(['\u200c', '\u200d']);

/**
 * GitHub's anchor for a heading: its text lower-cased, everything but letters, marks,
 * digits, `_`, `-`, spaces and the joiners (ZWNJ, ZWJ: Persian spelling) dropped, each
 * space a `-`. Inline code keeps its text; link targets and emphasis stars go.
 */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- ]/gu, (c) => (JOINERS.has(c) ? c : ''))
    .replace(/ /g, '-');
}

/** Every anchor a markdown page has: its headings' slugs (a repeated one gets -1, -2…) and `<a id>`s. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (marker) {
      fence = fence === null ? marker : fence === marker ? null : fence;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) {
      if (match[1]) anchors.add(match[1]);
    }
  }
  return anchors;
}

const isDocsPage = (path: string): boolean => /^docs\/[^/]+\.md$/.test(path);

/** A link inside a page of docs/ to a page beside it, or to a heading of its own (`#…`). */
function pageLink(file: RepoFile, target: string): { page: string; anchor: string | null } | null {
  const match = /^([\w-]+\.md)?(?:#(.+))?$/.exec(target);
  if (!match || (!match[1] && !match[2])) return null;
  return { page: match[1] ? `docs/${match[1]}` : file.path, anchor: match[2] ?? null };
}

/** Every reference to a page of docs/ in the files, with the line it is on. */
export function findReferences(files: readonly RepoFile[]): Reference[] {
  const found: Reference[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((text, index) => {
      const line = index + 1;
      for (const m of text.matchAll(DOCS_REFERENCE)) {
        const anchor = m[2]?.replace(/\.+$/, '') ?? null;
        found.push({ file: file.path, line, page: `docs/${m[1] ?? ''}.md`, anchor });
      }
      if (!isDocsPage(file.path)) return;
      for (const m of text.matchAll(LINK)) {
        const link = pageLink(file, m[1] ?? '');
        if (link) found.push({ file: file.path, line, ...link });
      }
    });
  }
  return found;
}

/** Mentions of the contract's files that are not a page of docs/ (a link between pages is one). */
function contractMentions(file: RepoFile): Broken[] {
  const broken: Broken[] = [];
  file.text.split('\n').forEach((text, index) => {
    const where = { file: file.path, line: index + 1, text: text.trim() };
    if (text.includes(OUTSIDE)) {
      broken.push({ ...where, why: 'points at the contract outside the repository' });
    }
    for (const m of text.matchAll(CONTRACT_NAME)) {
      const [, before, docs, name = ''] = m;
      // `](workbook.md#…)` in a page of docs/ is a link to the page beside it.
      const link = before === '(' && text[m.index - 1] === ']' && isDocsPage(file.path);
      if (CONTRACT_ONLY.has(name)) {
        broken.push({ ...where, why: `names ${name}.md, which docs/ does not have` });
      } else if (!docs && !link) {
        broken.push({ ...where, why: `names ${name}.md without docs/` });
      }
    }
  });
  return broken;
}

/** Every reference that does not land, and every mention of the contract instead of docs/. */
export function brokenReferences(files: readonly RepoFile[]): Broken[] {
  const anchors = new Map(
    files.filter((f) => isDocsPage(f.path)).map((f) => [f.path, anchorsOf(f.text)]),
  );
  const lines = new Map(files.map((f) => [f.path, f.text.split('\n')]));
  const broken = files.flatMap(contractMentions);
  for (const ref of findReferences(files)) {
    const text = lines.get(ref.file)?.[ref.line - 1]?.trim() ?? '';
    const where = { file: ref.file, line: ref.line, text };
    const page = anchors.get(ref.page);
    if (!page) broken.push({ ...where, why: `${ref.page} is not a page of docs/` });
    else if (ref.anchor !== null && !page.has(decodeURIComponent(ref.anchor))) {
      broken.push({ ...where, why: `${ref.page} has no heading #${ref.anchor}` });
    }
  }
  return broken;
}
