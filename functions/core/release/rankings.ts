// Statement 9: each group's top ranks, true as read (dense ranks with how many scored higher), and movement.
import { numberWords, ordinalWord, persianNumber } from '../language/persian-text.ts';
import type { GroupSummary } from '../figures/summary.ts';
import {
  displayName,
  groupNaming,
  isBareName,
  namesList,
  namesTogether,
  type GroupNaming,
} from './names.ts';

/** One rank said in a sentence: the agencies sharing it joined with «و». */
interface RankClause {
  rank: number;
  /** «اول», «دوم» … (not `ordinal`: that name is the template helper's). */
  rankWord: string;
  names: string;
  shared: boolean;
  /** A dense rank below its standing: «دو دستگاه اجرایی امتیاز بیشتری گرفتند»; else empty. */
  ahead: string;
  /** «؛ » between rank clauses (commas inside names never read as list commas), none after the last. */
  sep: string;
}

interface RankRow {
  rank: number;
  rankWord: string;
  name: string;
  /** No trailing zero: `۷۱٫۵`. */
  scoreText: string;
  band: string;
  shared: boolean;
  ahead: string;
}

/** The agency (or agencies, tied) whose score rose most against the month before. */
interface RiserView {
  present: boolean;
  several: boolean;
  names: string;
  fromText: string;
  toText: string;
  /** The rise in score points: `۱۷٫۵`. */
  pointsText: string;
}

/** A leader of the month before that lost the first rank. */
interface FallenLeader {
  name: string;
  /** Its standing this month, as an ordinal: «شانزدهم». */
  standingWord: string;
  /** It shares that standing with others. */
  shared: boolean;
  scoreText: string;
  previousScoreText: string;
}

/** Statement 9 for one group. */
export interface RankingGroupView {
  singular: string;
  plural: string;
  isFirst: boolean;
  present: boolean;
  clauses: RankClause[];
  /** No ties, ranks 1..k (k ≥ 2), no comma in a name: «به ترتیب رتبه‌های اول تا سوم». */
  inOrder: boolean;
  /** Some name is a bare label or has «و»/«،» in it: the ranks are listed one agency a line. */
  listed: boolean;
  inOrderNames: string;
  firstOrdinal: string;
  lastOrdinal: string;
  /** Ranks 1..2 in order read «اول و دوم», longer runs «اول تا سوم». */
  two: boolean;
  /** Only one rank shown (all tied): «رتبه اول». */
  oneRank: boolean;
  /** More than one agency named: the verb is plural. */
  several: boolean;
  /** Every name shown starts with the group's label («فرمانداری …»): no «در فرمانداری‌ها،» before them. */
  namesSayGroup: boolean;
  rows: RankRow[];
  riser: RiserView;
  hasFallen: boolean;
  fallen: FallenLeader[];
}

const NO_RISER: RiserView = {
  present: false,
  several: false,
  names: '',
  fromText: '',
  toText: '',
  pointsText: '',
};

/** Score points as whole hundredths, so equal rises compare equal. */
const hundredths = (value: number): number => Math.round(value * 100);

function riserView(group: GroupSummary, naming: GroupNaming): RiserView {
  const compared = group.ranking.filter(
    (entry): entry is typeof entry & { previousScore: number } => entry.previousScore !== null,
  );
  if (compared.length < 2) return NO_RISER;
  const rise = (entry: (typeof compared)[number]): number =>
    hundredths(entry.score) - hundredths(entry.previousScore);
  const best = Math.max(...compared.map(rise));
  if (best <= 0) return NO_RISER;
  const top = compared.filter((entry) => rise(entry) === best);
  const one = top.length === 1 ? top[0] : undefined;
  return {
    present: true,
    several: top.length > 1,
    names: namesList(
      top.map((entry) => displayName(entry.name)),
      naming,
    ),
    fromText: one ? persianNumber(one.previousScore) : '',
    toText: one ? persianNumber(one.score) : '',
    pointsText: persianNumber(best / 100),
  };
}

function fallenLeaders(
  group: GroupSummary,
  previousRanks: Readonly<Record<string, number>>,
): FallenLeader[] {
  return group.ranking
    .filter(
      (entry) => previousRanks[entry.id] === 1 && entry.rank > 1 && entry.previousScore !== null,
    )
    .map((entry) => ({
      name: displayName(entry.name),
      standingWord: ordinalWord(entry.standing),
      shared: group.ranking.some((other) => other.id !== entry.id && other.score === entry.score),
      scoreText: persianNumber(entry.score),
      previousScoreText: persianNumber(entry.previousScore ?? 0),
    }));
}

export function rankingGroupView(
  group: GroupSummary,
  index: number,
  top: number,
  plurals: Readonly<Record<string, string>>,
  previousRanks: Readonly<Record<string, number>>,
): RankingGroupView {
  const naming = groupNaming(group.name, plurals);
  const shown = group.ranking.filter((entry) => entry.rank >= 1 && entry.rank <= top);
  const byRank = new Map<number, string[]>();
  for (const entry of shown)
    byRank.set(entry.rank, [...(byRank.get(entry.rank) ?? []), displayName(entry.name)]);
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  const standingOf = new Map(shown.map((entry) => [entry.rank, entry.standing]));
  const ahead = (rank: number): string => {
    const higher = (standingOf.get(rank) ?? rank) - 1;
    if (higher <= rank - 1) return '';
    return `${numberWords(higher)} ${naming.singular} امتیاز بیشتری گرفتند`;
  };
  const clauses = ranks.map((rank, i) => {
    const names = byRank.get(rank) ?? [];
    return {
      rank,
      rankWord: ordinalWord(rank),
      names: namesTogether(names, naming),
      shared: names.length > 1,
      ahead: ahead(rank),
      sep: i < ranks.length - 1 ? '؛ ' : '',
    };
  });
  const rows = shown.map((entry) => ({
    rank: entry.rank,
    rankWord: ordinalWord(entry.rank),
    name: displayName(entry.name),
    scoreText: persianNumber(entry.score),
    band: displayName(entry.band),
    shared: (byRank.get(entry.rank)?.length ?? 0) > 1,
    ahead: ahead(entry.rank),
  }));
  const listed = rows.length > 1 && rows.some((row) => isBareName(row.name, naming));
  const inOrder =
    clauses.length >= 2 &&
    clauses.every((clause, i) => !clause.shared && clause.rank === i + 1) &&
    rows.every((row) => !row.name.includes('،'));
  const fallen = fallenLeaders(group, previousRanks);
  return {
    singular: naming.singular,
    plural: naming.plural,
    isFirst: index === 0,
    present: shown.length > 0,
    clauses,
    inOrder: inOrder && !listed,
    listed,
    inOrderNames: namesTogether(
      rows.map((row) => row.name),
      naming,
    ),
    firstOrdinal: ordinalWord(1),
    lastOrdinal: clauses[clauses.length - 1]?.rankWord ?? '',
    two: clauses.length === 2,
    oneRank: clauses.length === 1,
    several: shown.length > 1,
    namesSayGroup:
      rows.length > 1 && rows.every((row) => row.name.startsWith(`${naming.singular} `)),
    rows,
    riser: riserView(group, naming),
    hasFallen: fallen.length > 0,
    fallen,
  };
}
