/** The example's four months as the site keeps them, made the way a sending run makes them. */
import { fileURLToPath } from 'node:url';
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawWorkbook } from '../../functions/core/contract/cells.ts';
import { computeResults } from '../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../functions/core/contract/parse-workbook.ts';
import { releaseWording, type ReleaseInput } from '../../functions/core/release/release-input.ts';
import {
  publishedMonth,
  type PublicTable,
  type PublishedMonth,
} from '../../functions/core/site/site-record.ts';
import type { Summary } from '../../functions/core/figures/summary.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/ilam-1403.xlsx', import.meta.url));
export const EXAMPLE_MONTHS = ['1403-01', '1403-02', '1403-03', '1403-04'];
/** When the example's months were "sent" (4 Mordad 1403). */
const SENT_AT = new Date('2024-07-25T08:00:00Z');

let example: Promise<RawWorkbook> | undefined;
export async function exampleWorkbook(): Promise<RawWorkbook> {
  example ??= createXlsxStore(EXAMPLE).read();
  return structuredClone(await example);
}

let renderer: ReturnType<typeof createReleaseRenderer> | undefined;

export interface KeptExample {
  month: PublishedMonth;
  /** The summary JSON of the run that sent it. */
  summary: Summary;
  input: ReleaseInput;
}

/** One month of `raw` as the site would keep it after sending. */
export function keptMonthOf(
  raw: RawWorkbook,
  month: string,
  options: { publicTable?: PublicTable | null; correction?: boolean; sentAt?: Date } = {},
): KeptExample {
  const { model, problems } = parseWorkbook(raw, { month });
  const summary = computeResults(model, problems, month, 'sent').summary;
  const input: ReleaseInput = {
    summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId: 'r-test',
    contentHash: 'd1g3st',
    computedAt: SENT_AT,
    correction: options.correction ?? false,
    ...releaseWording(model, problems, month),
  };
  renderer ??= createReleaseRenderer();
  const rendered = renderer(input);
  const headline = rendered.headline ?? '';
  const kept = publishedMonth({
    release: input,
    headline,
    lede: rendered.lede ?? null,
    indicators: model.indicators,
    publicTable:
      options.publicTable === undefined ? model.settings.publicTable : options.publicTable,
    sentAt: options.sentAt ?? SENT_AT,
  });
  return { month: kept, summary, input };
}

/** The example's four months, each as its own run would have kept it. */
export async function exampleKept(publicTable?: PublicTable): Promise<KeptExample[]> {
  const raw = await exampleWorkbook();
  return EXAMPLE_MONTHS.map((month) => keptMonthOf(raw, month, publicTable ? { publicTable } : {}));
}
