// The infographic's PNG, rendered on the server by resvg with the Vazirmatn font from node_modules (no browser, no CDN).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { KarnamehError } from '../../core/contract/errors.ts';
import { INFOGRAPHIC_FONT } from '../../core/infographic/infographic-svg.ts';

const require = createRequire(import.meta.url);

/** The Vazirmatn TTF files the picture uses (Regular and Bold), from the `vazirmatn` package. */
export function infographicFontFiles(): { regular: string; bold: string } {
  let root: string;
  try {
    root = dirname(require.resolve('vazirmatn/package.json'));
  } catch (error) {
    throw new KarnamehError('internal', 'the vazirmatn font package is not installed (npm ci)', {
      cause: error,
    });
  }
  const ttf = join(root, 'fonts', 'ttf');
  return { regular: join(ttf, 'Vazirmatn-Regular.ttf'), bold: join(ttf, 'Vazirmatn-Bold.ttf') };
}

let options: ResvgRenderOptions | undefined;

function renderOptions(): ResvgRenderOptions {
  const fonts = infographicFontFiles();
  options ??= {
    font: {
      fontFiles: [fonts.regular, fonts.bold],
      loadSystemFonts: false,
      defaultFontFamily: INFOGRAPHIC_FONT,
    },
    fitTo: { mode: 'original' },
    shapeRendering: 2,
    textRendering: 1,
  };
  return options;
}

/** resvg, loaded the first time a picture is rendered (a run that renders none never loads it). */
let resvg: Promise<typeof import('@resvg/resvg-js')> | undefined;

/**
 * The PNG of an infographic SVG, at its own size (1080 × 1350), rendered by resvg with
 * Vazirmatn Regular and Bold from the `vazirmatn` package (no system font, nothing fetched).
 */
export async function renderInfographicPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await (resvg ??= import('@resvg/resvg-js'));
  try {
    const png = new Resvg(svg, renderOptions()).render().asPng();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } catch (error) {
    if (error instanceof KarnamehError) throw error;
    throw new KarnamehError('internal', `the infographic could not be rendered: ${String(error)}`, {
      cause: error,
    });
  }
}

let embedded: string | undefined;

/**
 * The SVG with the font inside it (`@font-face` from data: URLs), for a file a browser opens
 * on its own: the preview's infographic.svg looks as the PNG does with no font installed.
 */
export function withEmbeddedFont(svg: string): string {
  if (embedded === undefined) {
    const fonts = infographicFontFiles();
    const face = (path: string, weight: number) =>
      `@font-face{font-family:'${INFOGRAPHIC_FONT}';font-weight:${weight};src:url(data:font/ttf;base64,${readFileSync(path).toString('base64')}) format('truetype');}`;
    embedded = `<style>${face(fonts.regular, 400)}${face(fonts.bold, 700)}</style>`;
  }
  return svg.replace(/(<svg\b[^>]*>)/, `$1\n${embedded}`);
}
