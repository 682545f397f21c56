/** The release renderer: the press release from its templates and partials, with its attachments. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Handlebars from 'handlebars';
import { KarnamehError } from '../../../core/contract/errors.ts';
import { percentText, persianDigits, ordinalWord } from '../../../core/language/persian-text.ts';
import type { ReleaseInput } from '../../../core/release/release-input.ts';
import { buildReleaseView, type ReleaseView } from '../../../core/release/release-view.ts';
import {
  CSV_CONTENT_TYPE,
  resultsCsv,
  resultsCsvFilename,
} from '../../../core/release/results-csv.ts';
import { traceHeaders } from '../../../core/runs/trace-headers.ts';
import type { RenderedInfographic, RenderedRelease } from '../../../ports.ts';
import { infographicAlt, infographicSvg } from '../../../core/infographic/infographic-svg.ts';
import { renderInfographicPng } from '../../infographic/render-png.ts';
import { oneLine } from '../one-line.ts';
import {
  compileMailTemplates,
  defaultTemplatesDir,
  isThere,
  packageRoot,
  renderMailParts,
  templateOptions,
} from './mail-templates.ts';
import { templateCache } from './template-cache.ts';

/** The template files, in `templates/`; partials in `templates/partials/*.hbs`. */
export const RELEASE_TEMPLATES = {
  html: 'release.html.hbs',
  text: 'release.text.hbs',
  subject: 'release.subject.hbs',
} as const;

type HandlebarsEnv = typeof Handlebars;
/** The infographic as the HTML part names it: `cid:…`, and its text alternative. */
interface InlinePicture {
  cid: string;
  alt: string;
  filename: string;
}

type Context = { view: ReleaseView; subject: string; infographic: InlinePicture | null };

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KarnamehError('internal', `release template not readable: ${path}`, {
      cause: error,
    });
  }
}

/** The partials in `templates/partials/*.hbs`, by name, in name order. */
function readPartials(dir: string): Map<string, string> {
  const partialsDir = join(dir, 'partials');
  const partials = new Map<string, string>();
  if (!isThere(partialsDir)) return partials;
  for (const file of readdirSync(partialsDir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    partials.set(file.slice(0, -'.hbs'.length), readTemplate(join(partialsDir, file)));
  }
  return partials;
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

/**
 * A template or partial from its text, precompiled (or taken from the cache of precompiled
 * templates); its syntax is checked now, so a broken one fails at start-up.
 */
function compile(
  env: HandlebarsEnv,
  source: string,
  html: boolean,
  path: string,
): Handlebars.TemplateDelegate<Context> {
  const cache = templateCache(packageRoot());
  return cache.compile(env, source, templateOptions(html), `release template ${path}`);
}

/**
 * The release's helpers `digits`, `percent` and `ordinal`, and every partial compiled with
 * the same options as the templates (escaping for HTML, none for text).
 */
function releaseHelpers(partials: Map<string, string>) {
  return (env: HandlebarsEnv, html: boolean): void => {
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
    for (const [name, source] of partials) {
      env.registerPartial(name, compile(env, source, html, `partials/${name}.hbs`));
    }
  };
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
  const partials = readPartials(dir);
  const templates = compileMailTemplates<Context>(
    dir,
    RELEASE_TEMPLATES,
    'release',
    releaseHelpers(partials),
  );
  // The headline and the lede alone, as the text part says them (the public pages show them as sent).
  const partial = (name: string) =>
    partials.has(name)
      ? compile(templates.textEnv, `{{> ${name}}}`, false, `partials/${name}.hbs`)
      : null;
  const headlineTemplate = partial('headline');
  const ledeTemplate = partial('lede');

  return function render(input: ReleaseInput): RenderedRelease {
    const view = buildReleaseView(input);
    const infographic = options.infographic === false ? undefined : releaseInfographic(input);
    const inline = infographic
      ? { cid: infographic.cid, alt: infographicAlt(input), filename: infographic.filename }
      : null;
    const { subject, html, text, context } = renderMailParts(templates, {
      view,
      infographic: inline,
    });
    const csv = resultsCsv(input.summary);
    return {
      ...(infographic ? { infographic } : {}),
      subject,
      html,
      text,
      ...(headlineTemplate ? { headline: oneLine(headlineTemplate(context)) } : {}),
      ...(ledeTemplate ? { lede: oneLine(ledeTemplate(context)) } : {}),
      attachment: {
        filename: resultsCsvFilename(input.summary.month),
        contentType: CSV_CONTENT_TYPE,
        content: Buffer.from(csv, 'utf8'),
      },
      // the run id and the content hash of what is sent (docs/texts.md#subject-attachments-headers)
      headers: traceHeaders(input),
    };
  };
}
