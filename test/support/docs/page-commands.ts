/** The commands a documentation page shows: its fenced blocks' lines and its inline `npm …` and `cmd …` spans, as steps. */

/** One command of a page, as a reader would type it. */
export interface PageStep {
  /** The command: continuation lines joined, a trailing `# comment` dropped, one `&&` part. */
  text: string;
  /** The fence's language (`sh`, `text`, …), or `inline` for a code span in the prose. */
  lang: string;
  /** The page's line it starts on (1-based), for messages. */
  line: number;
}

/** A fenced block: its language, its text (the fence's indentation removed) and first line. */
export interface FencedBlock {
  lang: string;
  text: string;
  line: number;
}

const SHELL = new Set(['sh', 'bash', 'shell', 'console', '']);

/** Every fenced block of a Markdown page, indented ones (in list items) included. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? '')) {
      body.push((lines[j] ?? '').slice(indent));
      j += 1;
    }
    if (j >= lines.length) throw new Error(`an unclosed fence at line ${i + 1}`);
    blocks.push({ lang: open[2] ?? '', text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** A shell line without its trailing comment (a `#` after a blank, outside quotes). */
function dropComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  return line;
}

/** The `&&` parts of a shell line, outside quotes. */
function andParts(line: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (line.startsWith(' && ', i)) {
      parts.push(line.slice(start, i));
      start = i + 4;
      i += 3;
    }
  }
  parts.push(line.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The logical lines of a block: `\`-continuations joined, blank and comment lines dropped. */
function logicalLines(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const offset = i;
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i += 1;
      line = `${line.slice(0, -1).trimEnd()} ${(lines[i] ?? '').trim()}`;
    }
    const kept = dropComment(line).trim();
    if (kept) out.push({ text: kept, offset });
  }
  return out;
}

/**
 * The page's steps in page order, each text once: every line of every fenced block (a
 * shell block's lines split at `&&`; any other language's lines as they are, comment lines
 * dropped) and every inline code span of the prose that starts with `npm ` or `cmd `
 * (a Windows command line).
 */
export function pageSteps(markdown: string): PageStep[] {
  const steps: PageStep[] = [];
  const blocks = fencedBlocks(markdown);
  for (const block of blocks) {
    for (const line of logicalLines(block.text)) {
      const at = block.line + 1 + line.offset;
      const parts = SHELL.has(block.lang) ? andParts(line.text) : [line.text];
      for (const part of parts) steps.push({ text: part, lang: block.lang || 'sh', line: at });
    }
  }
  const inFence = new Set<number>();
  for (const block of blocks) {
    const length = block.text.split('\n').length + 2;
    for (let k = 0; k < length; k += 1) inFence.add(block.line + k);
  }
  const prose = markdown
    .split('\n')
    .map((line, index) => (inFence.has(index + 1) ? '' : line))
    .join('\n');
  for (const span of prose.matchAll(/`([^`]+)`/g)) {
    const text = (span[1] ?? '').replace(/\s*\n\s*/g, ' ').trim();
    const line = prose.slice(0, span.index).split('\n').length;
    if (/^(npm|cmd) /.test(text)) steps.push({ text, lang: 'inline', line });
  }
  steps.sort((a, b) => a.line - b.line);
  const seen = new Set<string>();
  return steps.filter((step) => !seen.has(step.text) && seen.add(step.text));
}

/** Shell words of a command (quotes and backslash-newlines as sh reads them). */
export function words(command: string): string[] {
  const out: string[] = [];
  const text = command.replace(/\\\n/g, ' ');
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3] ?? '');
  return out;
}
