// The release's input for a month of the bundled example (Ilam, 1403), as a sending run builds it.
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { computeResults } from '../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../functions/core/contract/parse-workbook.ts';
import { releaseWording, type ReleaseInput } from '../../functions/core/release/release-input.ts';
import { DEFAULT_EXAMPLE_PATH } from '../../scripts/make-example.ts';

export async function exampleReleaseInput(month = '1403-04'): Promise<ReleaseInput> {
  const raw = await createXlsxStore(DEFAULT_EXAMPLE_PATH).read();
  const { model, problems } = parseWorkbook(raw, { month });
  return {
    summary: computeResults(model, problems, month, 'dry-run').summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId: 'r-test',
    contentHash: 'abc123',
    computedAt: new Date('2024-07-26T07:00:00Z'),
    correction: false,
    ...releaseWording(model, problems, month),
  };
}
