// How the editor's rules read a release: its text, the HTML's visible text, paragraphs and group names.
import type { ReleaseInput } from '../../../functions/core/release/release-input.ts';
import type { GroupSummary, Summary } from '../../../functions/core/figures/summary.ts';
import { groupNaming } from '../../../functions/core/release/names.ts';
import type { RenderedRelease } from '../../../functions/ports.ts';

/** One release as the rules read it: the text and the HTML's visible text, NBSP as space. */
export interface ReadRelease {
  label: string;
  text: string;
  html: string;
  visible: string;
  summary: Summary;
  input: ReleaseInput;
  attachment: string;
}

export function readRelease(
  label: string,
  release: RenderedRelease,
  input: ReleaseInput,
): ReadRelease {
  const plain = (s: string): string => s.replace(/\u00A0/g, ' ');
  const visible = release.html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
  return {
    label,
    text: plain(release.text),
    html: release.html,
    visible: plain(visible),
    summary: input.summary,
    input,
    attachment: release.attachment.filename,
  };
}

export interface Rule {
  id: string;
  says: string;
  /** What breaks the rule; empty when it holds. */
  check(r: ReadRelease): string[];
}

export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export const weakLabel = (r: ReadRelease): string => {
  const bands = r.summary.groups[0]?.bands ?? [];
  const labels = bands
    .slice(0, r.input.weakBands)
    .map((b) => b.label)
    .reverse();
  return labels.length > 1
    ? `${labels.slice(0, -1).join('، ')} و ${labels.at(-1)}`
    : (labels[0] ?? '');
};

export const plural = (r: ReadRelease, g: GroupSummary): string =>
  groupNaming(g.name, r.input.groupPlurals ?? {}).plural;
export const singular = (r: ReadRelease, g: GroupSummary): string =>
  groupNaming(g.name, r.input.groupPlurals ?? {}).singular;

export const changed = (g: GroupSummary): boolean =>
  g.likeForLike !== null && (g.likeForLike.joined.length > 0 || g.likeForLike.left.length > 0);

export const QUOTE = /گفت:|افزود:|ادامه داد:|توضیح داد:|عنوان کرد|به گفته وی/;
export const FINITE_VERB = /(یافت|رسید|شد|شدند|بود|ماند|گرفتند|کرد|کردند)$/;
