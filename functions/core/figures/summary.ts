// The summary JSON's shape (docs/command-line.md#the-summary-json), as a zod schema and its types.
import * as z from 'zod';

/** The summary JSON of docs/command-line.md#the-summary-json: printed by `--json`, returned by the HTTP functions. */
const SUMMARY_STATUSES = ['sent', 'dry-run', 'already-sent', 'blocked', 'checked'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

const bandShare = z.object({
  label: z.string(),
  count: z.number().int(),
  percent: z.number().int(),
});

const change = {
  mean: z.number().nullable(),
  previousMean: z.number().nullable(),
  changePercent: z.number().int().nullable(),
};

const groupSummarySchema = z.object({
  name: z.string(),
  evaluated: z.number().int(),
  notEvaluated: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  meanScore: z.number().nullable(),
  previousMeanScore: z.number().nullable(),
  bands: z.array(bandShare),
  previousBands: z.array(bandShare).nullable(),
  weakShare: z.number().int().nullable(),
  previousWeakShare: z.number().int().nullable(),
  headline: z.object({ dimensions: z.array(z.string()), ...change }),
  dimensions: z.array(z.object({ name: z.string(), ...change })),
  likeForLike: z
    .object({
      agencies: z.number().int(),
      meanScore: z.number().nullable(),
      previousMeanScore: z.number().nullable(),
      weakShare: z.number().int().nullable(),
      previousWeakShare: z.number().int().nullable(),
      joined: z.array(z.string()),
      left: z.array(z.string()),
    })
    .nullable(),
  history: z.array(
    z.object({ month: z.string(), weakShare: z.number().int(), meanScore: z.number() }),
  ),
  ranking: z.array(
    z.object({
      rank: z.number().int(),
      standing: z.number().int(),
      id: z.string(),
      name: z.string(),
      score: z.number(),
      band: z.string(),
      previousScore: z.number().nullable(),
      previousStanding: z.number().int().nullable(),
    }),
  ),
});

const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  tab: z.string(),
  cell: z.string(),
  message: z.string(),
});

export const summarySchema = z.object({
  month: z.string(),
  monthName: z.string(),
  previousMonth: z.string().nullable(),
  status: z.enum(SUMMARY_STATUSES),
  groups: z.array(groupSummarySchema),
  topBandEver: z.number().int(),
  /**
   * The release's content hash (core/figures/content-hash.ts): equal for two runs exactly when the
   * release states the same facts. Absent when the month could not be computed.
   */
  contentHash: z.string().optional(),
  problems: z.array(problemSchema),
});

export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type Summary = z.infer<typeof summarySchema>;
