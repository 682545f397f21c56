/** A month as the public site keeps it (`YYYY-MM/results.json`): the figures as they were sent. */
import * as z from 'zod';
import { monthName } from '../language/jalali.ts';
import type { Indicator } from '../contract/model.ts';
import { notEvaluatedReason } from '../language/persian-text.ts';
import type { ReleaseInput } from '../release/release-input.ts';
import type { GroupSummary } from '../figures/summary.ts';
import { displayName, groupNaming, provinceName } from '../release/names.ts';
import { joinList } from '../language/persian-text.ts';

/**
 * What the pages show of the ranking: the announced ranks, every evaluated agency, or none
 * (a `public_table` value that could not be read turns the table off).
 */
const PUBLIC_TABLES = ['top', 'all', 'none'] as const;
export type PublicTable = (typeof PUBLIC_TABLES)[number];

const SITE_FORMAT = 'karnameh-site/1';

const bandShare = z.object({ label: z.string(), count: z.number().int(), percent: z.number() });

const rankEntry = z.object({
  rank: z.number().int(),
  /** 1 + the agencies of the group that scored higher (docs/texts.md#ranks-in-words). */
  standing: z.number().int(),
  name: z.string(),
  score: z.number(),
  band: z.string(),
  /** Only with `public_table: all`: the agency page's id, last month's score and standing. */
  id: z.string().optional(),
  previousScore: z.number().nullable().optional(),
  previousStanding: z.number().int().nullable().optional(),
});

const publishedGroup = z.object({
  name: z.string(),
  plural: z.string(),
  evaluated: z.number().int(),
  meanScore: z.number().nullable(),
  previousMeanScore: z.number().nullable(),
  weakShare: z.number().nullable(),
  previousWeakShare: z.number().nullable(),
  bands: z.array(bandShare),
  previousBands: z.array(bandShare).nullable(),
  history: z.array(z.object({ month: z.string(), weakShare: z.number(), meanScore: z.number() })),
  /** The figures on the agencies evaluated in both months (no ids), when there is a month before. */
  likeForLike: z
    .object({
      agencies: z.number().int(),
      meanScore: z.number().nullable(),
      previousMeanScore: z.number().nullable(),
      weakShare: z.number().nullable(),
      previousWeakShare: z.number().nullable(),
      joined: z.number().int(),
      left: z.number().int(),
    })
    .nullable(),
  /** The announced ranks (`top`), or every evaluated agency (`all`). */
  ranking: z.array(rankEntry),
  notEvaluated: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const publishedMonthSchema = z.object({
  format: z.literal(SITE_FORMAT),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  monthName: z.string(),
  previousMonth: z.string().nullable(),
  province: z.string(),
  /** The release's headline, as sent. */
  headline: z.string(),
  /** The release's lede (the month against the month before, like for like), as sent. */
  lede: z.string().nullable(),
  source: z.string().nullable(),
  /** When the release (or its correction) was sent, ISO 8601. */
  sentAt: z.string(),
  /** Set when this is a correction (`--force`): when it was sent, ISO 8601. */
  correctedAt: z.string().nullable(),
  publicTable: z.enum(PUBLIC_TABLES),
  /** How many ranks per group the release announces. */
  top: z.number().int(),
  /** The bands counted as weak, as the release names them: «ضعیف و بسیار ضعیف». */
  weakLabels: z.string(),
  topBandEver: z.number().int(),
  method: z.object({
    indicators: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        dimension: z.string(),
        max: z.number(),
        weight: z.number(),
      }),
    ),
    bands: z.array(z.object({ label: z.string(), min: z.number() })),
  }),
  groups: z.array(publishedGroup),
});

export type PublishedMonth = z.infer<typeof publishedMonthSchema>;
export type PublishedGroup = z.infer<typeof publishedGroup>;
export type PublishedRank = z.infer<typeof rankEntry>;

/** What a sending run adds to the release input to keep its month for the site. */
export interface SiteMonthInput {
  release: ReleaseInput;
  /** The release's headline and lede as rendered (the text part says them so). */
  headline: string;
  lede: string | null;
  indicators: readonly Indicator[];
  /** The `public_table` setting; null: it could not be read, and no ranking is published. */
  publicTable: PublicTable | null;
  sentAt: Date;
}

function rankingOf(group: GroupSummary, top: number, table: PublicTable): PublishedRank[] {
  const entries = group.ranking;
  if (table === 'none') return [];
  const shown = table === 'all' ? entries : entries.filter((e) => e.rank >= 1 && e.rank <= top);
  return shown.map((entry) => ({
    rank: entry.rank,
    standing: entry.standing,
    name: displayName(entry.name),
    score: entry.score,
    band: displayName(entry.band),
    ...(table === 'all'
      ? {
          id: entry.id,
          previousScore: entry.previousScore,
          previousStanding: entry.previousStanding,
        }
      : {}),
  }));
}

function groupOf(
  group: GroupSummary,
  input: SiteMonthInput,
  plurals: Readonly<Record<string, string>>,
): PublishedGroup {
  const label = (share: { label: string; count: number; percent: number }) => ({
    ...share,
    label: displayName(share.label),
  });
  return {
    name: displayName(group.name),
    plural: groupNaming(group.name, plurals).plural,
    evaluated: group.evaluated,
    meanScore: group.meanScore,
    previousMeanScore: group.previousMeanScore,
    weakShare: group.weakShare,
    previousWeakShare: group.previousWeakShare,
    bands: group.bands.map(label),
    previousBands: group.previousBands?.map(label) ?? null,
    history: group.history.map((h) => ({ ...h })),
    likeForLike: group.likeForLike
      ? {
          agencies: group.likeForLike.agencies,
          meanScore: group.likeForLike.meanScore,
          previousMeanScore: group.likeForLike.previousMeanScore,
          weakShare: group.likeForLike.weakShare,
          previousWeakShare: group.likeForLike.previousWeakShare,
          joined: group.likeForLike.joined.length,
          left: group.likeForLike.left.length,
        }
      : null,
    ranking: rankingOf(group, input.release.top, input.publicTable ?? 'none'),
    notEvaluated: group.notEvaluated.map((agency) => ({
      name: displayName(agency.name),
      reason: notEvaluatedReason(agency.reason),
    })),
  };
}

/**
 * The month as the site keeps it: only what the release publishes (no address, note,
 * problem, run id or content hash; with `public_table: top` no score of an agency the release
 * does not rank). Pure.
 */
export function publishedMonth(input: SiteMonthInput): PublishedMonth {
  const { release } = input;
  const { summary } = release;
  const plurals = release.groupPlurals ?? {};
  const bands = release.bands ?? [];
  const weak = Math.max(0, Math.min(release.weakBands, bands.length));
  return {
    format: SITE_FORMAT,
    month: summary.month,
    monthName: monthName(summary.month),
    previousMonth: summary.previousMonth,
    province: provinceName(release.province),
    headline: input.headline,
    lede: input.lede,
    source: release.source ? displayName(release.source) : null,
    sentAt: input.sentAt.toISOString(),
    correctedAt: release.correction ? input.sentAt.toISOString() : null,
    publicTable: input.publicTable ?? 'none',
    top: release.top,
    weakLabels: joinList(
      bands
        .slice(0, weak)
        .map((band) => displayName(band.label))
        .reverse(),
    ),
    topBandEver: summary.topBandEver,
    method: {
      indicators: input.indicators.map((i) => ({
        code: i.code,
        title: displayName(i.title),
        dimension: displayName(i.dimension),
        max: i.max,
        weight: i.weight,
      })),
      bands: bands.map((band) => ({ label: displayName(band.label), min: band.min })),
    },
    groups: summary.groups.map((group) => groupOf(group, input, plurals)),
  };
}
