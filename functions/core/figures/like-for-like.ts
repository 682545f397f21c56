// A group's month-on-month figures on the agencies evaluated in both months (likeForLike).
import type { EvaluatedAgencyMonth } from './agency-scores.ts';
import { bandShares, weakShareOf } from './band-shares.ts';
import { meanRounded } from '../language/decimal.ts';
import type { Model } from '../contract/model.ts';

/**
 * The group's figures on the agencies evaluated in both months, and who joined (evaluated
 * this month, not the month before) or left (the reverse), each in the order of the
 * agencies tab. Means and weak shares are null when no agency was evaluated in both.
 */
export interface LikeForLike {
  agencies: number;
  meanScore: number | null;
  previousMeanScore: number | null;
  weakShare: number | null;
  previousWeakShare: number | null;
  joined: string[];
  left: string[];
}

export function likeForLike(
  model: Pick<Model, 'bands' | 'settings'>,
  now: readonly EvaluatedAgencyMonth[],
  before: readonly EvaluatedAgencyMonth[],
): LikeForLike {
  const nowIds = new Set(now.map((a) => a.agency.id));
  const beforeIds = new Set(before.map((a) => a.agency.id));
  const bothNow = now.filter((a) => beforeIds.has(a.agency.id));
  const bothBefore = before.filter((a) => nowIds.has(a.agency.id));
  const weak = (list: readonly EvaluatedAgencyMonth[]): number | null =>
    weakShareOf(
      bandShares(
        model.bands,
        list.map((a) => a.bandIndex),
      ),
      model.settings.weakBands,
    );
  return {
    agencies: bothNow.length,
    meanScore: meanRounded(bothNow.map((a) => a.score)),
    previousMeanScore: meanRounded(bothBefore.map((a) => a.score)),
    weakShare: weak(bothNow),
    previousWeakShare: weak(bothBefore),
    joined: now.filter((a) => !beforeIds.has(a.agency.id)).map((a) => a.agency.id),
    left: before.filter((a) => !nowIds.has(a.agency.id)).map((a) => a.agency.id),
  };
}
