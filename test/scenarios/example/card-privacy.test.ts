import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCardRenderer } from '../../../functions/adapters/mail/render-card.ts';
import { packageRoot } from '../../../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { cardsToSend } from '../../../functions/core/cards/cards-to-send.ts';
import { computeMonth, computeResults } from '../../../functions/core/figures/compute-summary.ts';
import { monthKey, splitMonth } from '../../../functions/core/language/jalali.ts';
import type { Model } from '../../../functions/core/contract/model.ts';
import { normalizeDisplay } from '../../../functions/core/language/normalize.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';

/**
 * A card says nothing about another agency's scores beyond the group's mean and the ranks
 * the release publishes (docs/texts.md#agency-report-cards). Checked on every card of the bundled example:
 * no other agency's name appears unless the release publishes it (top ranks), and every
 * score on the card (two decimals, not a number of points) is the agency's own, this month
 * or earlier in the year, or a group mean: an allow-list recomputed here, independently.
 */
const MONTH = '1403-04';
/** As the card writes a score: up to two decimals, no trailing zero (۷۱٫۵، ۵۴، ۴۶٫۰۸). */
const persian = (n: number): string =>
  String(Number(n.toFixed(2)))
    .replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d)
    .replace('.', '٫');

interface Agent {
  id: string;
  name: string;
  group: string;
}

/** Everything a card of `agent` may show as a score. */
function allowedScores(model: Model, summary: Summary, agent: Agent): Set<string> {
  const allowed = new Set<string>();
  const group = summary.groups.find((g) => g.name === agent.group);
  for (const x of [group?.meanScore, group?.previousMeanScore])
    if (x != null) allowed.add(persian(x));
  for (const d of group?.dimensions ?? []) if (d.mean !== null) allowed.add(persian(d.mean));
  for (const h of group?.history ?? []) allowed.add(persian(h.meanScore));
  const { year, month } = splitMonth(MONTH);
  for (let m = 0; m <= month; m++) {
    const key = m === 0 ? monthKey(year - 1, 12) : monthKey(year, m);
    const own = computeMonth(model, key).agencies.find((a) => a.id === agent.id);
    if (own?.evaluated) {
      allowed.add(persian(own.score));
      for (const d of own.dimensionScores) allowed.add(persian(d));
    }
  }
  return allowed;
}

/** What a card shows that it must not: names of unpublished agencies, scores not allowed. */
function leaks(
  card: string,
  agent: Agent,
  others: readonly Agent[],
  published: ReadonlySet<string>,
  allowed: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  const own = normalizeDisplay(agent.name);
  for (const other of others) {
    const name = normalizeDisplay(other.name);
    if (other.id === agent.id || published.has(other.id) || own.includes(name)) continue;
    if (card.includes(name)) found.push(`name of ${other.id}`);
  }
  // Figures with decimals that are not a number of points (changes, distances, losses) nor
  // on an indicator's own scale («۰٫۵ از ۵»): scores, which must be the agency's own or a mean.
  const figures = /([۰-۹]+٫[۰-۹]{1,2})(?![۰-۹]|\u00A0امتیاز|\u00A0از\u00A0(?!۱۰۰))/g;
  for (const match of card.matchAll(figures)) {
    if (!allowed.has(match[1] ?? '')) found.push(`score ${match[1]}`);
  }
  return found;
}

let model: Model;
let summary: Summary;
let texts: Map<string, string>;
let htmls: Map<string, string>;

beforeAll(async () => {
  const raw = await createXlsxStore(join(packageRoot(), 'examples', 'ilam-1403.xlsx')).read();
  const parsed = parseWorkbook(raw, { month: MONTH });
  model = parsed.model;
  const computed = computeResults(model, parsed.problems, MONTH, 'dry-run');
  summary = computed.summary;
  const render = createCardRenderer();
  const cards = cardsToSend({
    model,
    problems: parsed.problems,
    computed,
    runId: 'r-1',
    contentHash: 'abc',
    computedAt: new Date('2024-07-25T08:00:00Z'),
    correction: false,
  });
  texts = new Map();
  htmls = new Map();
  for (const card of cards) {
    const rendered = render(card.view);
    texts.set(card.agencyId, `${rendered.subject}\n${rendered.text}`);
    htmls.set(card.agencyId, rendered.html);
  }
});

describe('privacy of the agency cards (the bundled example)', () => {
  it('every active agency of the example gets a card', () => {
    const active = model.agencies.filter((a) => a.active).map((a) => a.id);
    expect([...texts.keys()]).toEqual(active);
    expect(active).toHaveLength(110);
  });

  it('no card names or scores an agency outside its group’s published top ranks', () => {
    const top = model.settings.top;
    const published = new Set(
      summary.groups.flatMap((g) => g.ranking.filter((r) => r.rank <= top).map((r) => r.id)),
    );
    const agents = model.agencies.filter((a) => a.active);
    const all: string[] = [];
    let checkedScores = 0;
    for (const agent of agents) {
      const allowed = allowedScores(model, summary, agent);
      for (const part of [texts.get(agent.id) ?? '', htmls.get(agent.id) ?? '']) {
        checkedScores += [...part.matchAll(/[۰-۹]+٫[۰-۹]{1,2}/g)].length;
        all.push(...leaks(part, agent, agents, published, allowed).map((l) => `${agent.id}: ${l}`));
      }
    }
    expect(all).toEqual([]);
    expect(checkedScores).toBeGreaterThan(110 * 10);
  });

  it('really checks: another agency’s name or score pasted into a card is caught', () => {
    const agents = model.agencies.filter((a) => a.active);
    const agent = agents.find((a) => a.id === 'd050');
    const other = summary.groups[0]?.ranking.find((r) => r.rank > model.settings.top + 5);
    if (!agent || !other) throw new Error('example changed');
    const allowed = allowedScores(model, summary, agent);
    const card = texts.get(agent.id) ?? '';
    expect(leaks(card, agent, agents, new Set(), allowed)).toEqual([]);
    const pasted = `${card}\n${other.name}: ${persian(other.score + 0.01)}`;
    expect(persian(other.score + 0.01)).toContain('٫');
    expect(leaks(pasted, agent, agents, new Set(), allowed)).toEqual([
      `name of ${other.id}`,
      `score ${persian(other.score + 0.01)}`,
    ]);
  });
});
