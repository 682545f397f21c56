import type { Summary } from './summary.ts';

/** Everything the press release is written from: the summary plus what the sheet says about wording. */
export interface ReleaseInput {
  summary: Summary;
  province: string;
  spokesperson: string | null;
  spokespersonTitle: string | null;
  /** How many ranks per group the release announces (settings `top`). */
  top: number;
  /** How many of the lowest bands count as weak (settings `weak_bands`). */
  weakBands: number;
  indicatorCount: number;
  /** All dimension names, in sheet order. */
  dimensions: string[];
  runId: string;
  /** Short digest of the input tabs (hex), so every figure can be traced to the sheet. */
  digest: string;
  computedAt: Date;
  /** True when the month was already sent and is sent again on purpose (`--force`): a correction. */
  correction: boolean;
}
