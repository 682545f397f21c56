/** The release renderer: the press release from its templates and partials, with its attachments. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { KarnamehError } from '../../core/contract/errors.ts';
import { percentText, persianDigits, ordinalWord } from '../../core/language/persian-text.ts';
import type { ReleaseInput } from '../../core/release/release-input.ts';
import { buildReleaseView, type ReleaseView } from '../../core/release/release-view.ts';
import {
  CSV_CONTENT_TYPE,
  resultsCsv,
  resultsCsvFilename,
} from '../../core/release/results-csv.ts';
import type { RenderedInfographic, RenderedRelease } from '../../ports.ts';
import { infographicAlt, infographicSvg } from '../../core/infographic/infographic-svg.ts';
import { renderInfographicPng } from '../infographic/render-png.ts';
import { oneLine } from './one-line.ts';
import { handlebarsRuntime, templateCache } from './template-cache.ts';

/** The template files, in `templates/`; partials in `templates/partials/*.hbs`. */
export const RELEASE_TEMPLATES = {
  html: 'release.html.hbs',
  text: 'release.text.hbs',
  subject: 'release.subject.hbs',
} as const;

type HandlebarsEnv = typeof Handlebars;
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
/** The infographic as the HTML part names it: `cid:…`, and its text alternative. */
interface InlinePicture {
  cid: string;
  alt: string;
  filename: string;
}

type Template = Handlebars.TemplateDelegate<{
  view: ReleaseView;
  subject: string;
  infographic: InlinePicture | null;
}>;

/**
 * Whether `path` exists, by stat (not access(2), which asks with the real uid and so can
 * miss a file a process may read through its capabilities).
 */
const isThere = (path: string): boolean => statSync(path, { throwIfNoEntry: false }) !== undefined;

/** The package root: the nearest folder above this file that holds package.json (source or dist/). */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (isThere(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new KarnamehError('internal', 'package.json not found above ' + from);
    dir = parent;
  }
}

/** `templates/` of the package, found from the source tree or a build in dist/. */
export function defaultTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KarnamehError('internal', `release template not readable: ${path}`, {
      cause: error,
    });
  }
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

/**
 * One Handlebars environment: helpers `digits`, `percent`, `ordinal` and `ltr`, and every
 * partial compiled with the same options as the templates (escaping for HTML, none for text).
 */
function environment(
  partials: Map<string, string>,
  html: boolean,
): { env: HandlebarsEnv; options: CompileOptions } {
  const env = handlebarsRuntime.create();
  const options: CompileOptions = { strict: true, noEscape: !html };
  env.registerHelper('digits', (value: unknown) => {
    const n = numeric(value);
    return n === null ? persianDigits(String(value ?? '')) : persianDigits(n);
  });
  env.registerHelper('percent', (value: unknown) => {
    const n = numeric(value);
    return n === null ? '' : percentText(n);
  });
  env.registerHelper('ordinal', (value: unknown) => {
    const n = numeric(value);
    return n !== null && Number.isInteger(n) && n >= 1 ? ordinalWord(n) : '';
  });
  // Latin text (ids, run id, content hash) inside a Persian sentence: isolated left-to-right.
  env.registerHelper('ltr', (value: unknown) => {
    const text = String(value ?? '');
    if (!html) return text;
    return new env.SafeString(`<span dir="ltr">${env.escapeExpression(text)}</span>`);
  });
  for (const [name, source] of partials) {
    env.registerPartial(name, compile(env, source, options, `partials/${name}.hbs`));
  }
  return { env, options };
}

/**
 * A template, precompiled (or taken from the cache of precompiled templates); its syntax is
 * checked now, so a broken template fails at start-up.
 */
function compile(
  env: HandlebarsEnv,
  source: string,
  options: CompileOptions,
  path: string,
): Template {
  return templateCache(packageRoot()).compile(env, source, options, `release template ${path}`);
}

/**
 * The month's infographic: its SVG now (pure, a few ms), its PNG the first time a mail or
 * the preview asks for it (resvg, about 100 ms), then kept.
 */
export function releaseInfographic(input: ReleaseInput): RenderedInfographic {
  const svg = infographicSvg(input);
  const month = input.summary.month.replace(/[^0-9A-Za-z-]/g, '');
  let png: Promise<Buffer> | undefined;
  return {
    month,
    svg,
    filename: `karnameh-${month}-infographic.png`,
    cid: `infographic-${month}@karnameh`,
    png: () =>
      (png ??= renderInfographicPng(svg).then((bytes) =>
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      )),
  };
}

export interface ReleaseRendererOptions {
  /** Attach the infographic and show it in the HTML part (default true). */
  infographic?: boolean;
}

/**
 * Compiles the release templates and partials once and returns the renderer. The HTML is
 * escaped by Handlebars (never triple-stash a sheet value); the text and subject are not
 * HTML and are compiled without escaping.
 */
export function createReleaseRenderer(
  templatesDir: string = defaultTemplatesDir(),
  options: ReleaseRendererOptions = {},
): (input: ReleaseInput) => RenderedRelease {
  const dir = resolve(templatesDir);
  const partialsDir = join(dir, 'partials');
  const partials = new Map<string, string>();
  if (isThere(partialsDir)) {
    for (const file of readdirSync(partialsDir).sort()) {
      if (!file.endsWith('.hbs')) continue;
      partials.set(file.slice(0, -'.hbs'.length), readTemplate(join(partialsDir, file)));
    }
  }
  const htmlEnv = environment(partials, true);
  const textEnv = environment(partials, false);
  const load = (env: { env: HandlebarsEnv; options: CompileOptions }, file: string): Template =>
    compile(env.env, readTemplate(join(dir, file)), env.options, file);
  const htmlTemplate = load(htmlEnv, RELEASE_TEMPLATES.html);
  const textTemplate = load(textEnv, RELEASE_TEMPLATES.text);
  const subjectTemplate = load(textEnv, RELEASE_TEMPLATES.subject);
  // The headline alone, as the text part says it (the public pages show it as sent).
  // The headline and the lede alone, as the text part says them (the public pages show them as sent).
  const partial = (name: string) =>
    partials.has(name)
      ? compile(textEnv.env, `{{> ${name}}}`, textEnv.options, `partials/${name}.hbs`)
      : null;
  const headlineTemplate = partial('headline');
  const ledeTemplate = partial('lede');

  return function render(input: ReleaseInput): RenderedRelease {
    const view = buildReleaseView(input);
    const subject = oneLine(subjectTemplate({ view, subject: '', infographic: null }));
    const infographic = options.infographic === false ? undefined : releaseInfographic(input);
    const inline = infographic
      ? { cid: infographic.cid, alt: infographicAlt(input), filename: infographic.filename }
      : null;
    const context = { view, subject, infographic: inline };
    const csv = resultsCsv(input.summary);
    return {
      ...(infographic ? { infographic } : {}),
      subject,
      html: htmlTemplate(context),
      text: normalizeText(textTemplate(context)),
      ...(headlineTemplate ? { headline: oneLine(headlineTemplate(context)) } : {}),
      ...(ledeTemplate ? { lede: oneLine(ledeTemplate(context)) } : {}),
      attachment: {
        filename: resultsCsvFilename(input.summary.month),
        contentType: CSV_CONTENT_TYPE,
        content: Buffer.from(csv, 'utf8'),
      },
      headers: releaseHeaders(input),
    };
  };
}

/** The mail header names that trace a release to its run and its data (docs/texts.md#subject-attachments-headers). */
export const RUN_HEADER = 'X-Karnameh-Run';
export const CONTENT_HASH_HEADER = 'X-Karnameh-Digest';

/**
 * The run id and the content hash of what is sent as header fields (`ReleaseInput.contentHash`:
 * the summary's, or the input hash when the month has none); the header keeps the contract's
 * name `X-Karnameh-Digest`.
 */
export function releaseHeaders(input: ReleaseInput): Record<string, string> {
  const headers: Record<string, string> = {};
  if (input.runId) headers[RUN_HEADER] = input.runId;
  if (input.contentHash) headers[CONTENT_HASH_HEADER] = input.contentHash;
  return headers;
}

/** Text part: trailing spaces dropped, at most one blank line in a row, one final newline. */
function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
