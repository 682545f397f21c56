import { describe, expect, it } from 'vitest';
import { infographicSvg } from '../../../functions/core/infographic/infographic-svg.ts';
import type { ReleaseInput } from '../../../functions/core/release/release-input.ts';
import { bands, group, ranking, releaseInput, summary } from '../../support/release-fixtures.ts';
import { contrast } from '../../support/phone-browser.ts';
import { exampleReleaseInput } from '../../support/example-release-input.ts';
import { latinDigits, svgParts, textById, type SvgParts } from '../../support/svg-parts.ts';

const rgb = (hex: string): string => {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** The fill of the last rectangle drawn under (x, y): what a text at that point stands on. */
function backgroundAt(parts: SvgParts, x: number, y: number): string {
  const under = parts.rects.filter(
    (r) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height,
  );
  return under[under.length - 1]?.fill ?? 'none';
}

const example = await exampleReleaseInput('1403-04');

describe('the infographic of Tir 1403 (the bundled example)', () => {
  const svg = infographicSvg(example);
  const parts = svgParts(svg);
  const { summary: s } = example;

  it('is a 1080 × 1350 picture titled as the spec says', () => {
    expect(parts.root.width).toBe('1080');
    expect(parts.root.height).toBe('1350');
    expect(parts.root.viewBox).toBe('0 0 1080 1350');
    expect(parts.title).toBe('ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
    expect(textById(parts, 'title').text).toBe('ارزیابی روابط‌عمومی‌های استان ایلام');
    expect(textById(parts, 'month').text).toBe('تیر ۱۴۰۳');
  });

  it('leads with the first group’s weak share and its change, as the release does', () => {
    const first = s.groups[0];
    expect(first?.weakShare).toBe(41);
    expect(latinDigits(textById(parts, 'headline-figure').text)).toBe(`${first?.weakShare}%`);
    const label = parts.texts
      .filter((t) => Math.abs(t.x - textById(parts, 'headline-label').x) < 1 && t.y < 420)
      .map((t) => t.text)
      .join(' ');
    expect(label).toContain('سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در دستگاه‌های اجرایی');
    const change = latinDigits(textById(parts, 'headline-change').text).replace(/\u00A0/g, ' ');
    const points = Math.abs((first?.weakShare ?? 0) - (first?.previousWeakShare ?? 0));
    expect(change).toBe(`${points} واحد درصد کمتر از خردادماه (${first?.previousWeakShare}%)`);
  });

  it('shows every band share of every group, and the month before’s, as in the summary', () => {
    s.groups.forEach((g, gi) => {
      g.bands.forEach((band, bi) => {
        expect(latinDigits(textById(parts, `g${gi}-b${bi}-now`).text)).toBe(`${band.percent}%`);
        const before = g.previousBands?.[bi]?.percent;
        expect(latinDigits(textById(parts, `g${gi}-b${bi}-before`).text)).toBe(`${before}%`);
        expect(textById(parts, `g${gi}-b${bi}-label`).text).toBe(band.label);
      });
    });
  });

  it('names the announced top ranks of each group with their scores, and nobody else', () => {
    s.groups.forEach((g, gi) => {
      const lines = parts.texts.filter((t) => new RegExp(`^g${gi}-r\\d+$`).test(t.id));
      const said = latinDigits(lines.map((t) => t.text).join(' ')).replace(/\u00A0/g, ' ');
      for (const entry of g.ranking) {
        const announced = entry.rank <= example.top;
        const name = entry.name.replace(/^فرمانداری /, '');
        expect(said.includes(name), `${entry.name} (rank ${entry.rank})`).toBe(announced);
        if (announced) expect(said).toContain(`(${entry.score})`);
      }
      const words = parts.texts.filter((t) => new RegExp(`^g${gi}-r\\d+-rank$`).test(t.id));
      expect(words.map((t) => t.text)).toEqual(['اول:', 'دوم:', 'سوم:']);
    });
  });

  it('ends with the source and the date, and shows no run id or content hash', () => {
    expect(textById(parts, 'source').text).toBe('منبع: روابط‌عمومی استانداری ایلام');
    expect(textById(parts, 'date').text).toBe('۵ مرداد ۱۴۰۳');
    expect(svg).not.toContain(example.runId);
    expect(svg).not.toContain(example.contentHash);
  });

  it('writes Persian digits only, every string isolated right to left', () => {
    for (const t of parts.texts) {
      expect(t.text, t.id).not.toMatch(/[0-9]/);
      expect(t.raw.startsWith('\u2067') && t.raw.endsWith('\u2069'), t.id).toBe(true);
      expect(t.raw.slice(1, -1), t.id).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  it('has no text under 28 px and every text at 4.5:1 or more on what it stands on', () => {
    expect(parts.texts.length).toBeGreaterThan(30);
    for (const t of parts.texts) {
      expect(t.size, t.id).toBeGreaterThanOrEqual(28);
      const ratio = contrast(rgb(t.fill), rgb(backgroundAt(parts, t.x, t.y - t.size / 3)));
      expect(ratio, `${t.id} ${t.fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws the bars at 3:1 or more on white, each as tall as its share', () => {
    const bars = parts.rects.filter((r) => r.width < 200 && r.height > 0 && r.y > 400);
    for (const bar of bars)
      expect(contrast(rgb(bar.fill), rgb('#ffffff'))).toBeGreaterThanOrEqual(3);
    const now = textById(parts, 'g0-b2-now');
    const bar = bars.find(
      (r) => Math.abs(r.x + r.width / 2 - now.x) < 1 && r.y < now.y + 40 && r.y > now.y,
    );
    const before = textById(parts, 'g0-b2-before');
    const barBefore = bars.find(
      (r) => Math.abs(r.x + r.width / 2 - before.x) < 1 && r.y > before.y,
    );
    expect(bar && barBefore && bar.height / barBefore.height).toBeCloseTo(50 / 42, 1);
  });
});

describe('the infographic of other months', () => {
  const render = (input: ReleaseInput) => svgParts(infographicSvg(input));

  it('a first month: no month before, no change said', () => {
    const input = releaseInput({
      summary: summary({
        previousMonth: null,
        groups: [group({ weakShare: 100, evaluated: 1, bands: bands([1, 0, 0, 0, 0]) })],
      }),
    });
    const parts = render(input);
    expect(parts.texts.some((t) => t.id.endsWith('-before') || t.id === 'headline-change')).toBe(
      false,
    );
    expect(parts.texts.some((t) => t.id === 'legend-before')).toBe(false);
    expect(latinDigits(textById(parts, 'headline-figure').text)).toBe('100%');
  });

  it('no weak bands: the headline is the mean score', () => {
    const parts = render(releaseInput({ weakBands: 0 }));
    expect(latinDigits(textById(parts, 'headline-figure').text)).toBe('50');
    expect(textById(parts, 'headline-label').text).toContain('میانگین امتیاز');
  });

  it('a month with nobody evaluated: the title, the source and the date, no figure made up', () => {
    const empty = group({ evaluated: 0, ranking: [], bands: bands([0, 0, 0, 0, 0]) });
    const parts = render(releaseInput({ summary: summary({ groups: [empty] }) }));
    expect(parts.texts.map((t) => t.id).sort()).toEqual(['date', 'month', 'source', 'title']);
  });

  it('a correction says so beside its date', () => {
    const parts = render({ ...example, correction: true });
    expect(textById(parts, 'date').text).toBe('اصلاحیه، ۵ مرداد ۱۴۰۳');
  });

  it('names from the sheet are escaped and stay text', () => {
    const entries = ranking([{ name: 'اداره <کل> & "شرکت"', score: 70 }], 'x');
    const parts = render(
      releaseInput({ summary: summary({ groups: [group({ ranking: entries })] }) }),
    );
    expect(textById(parts, 'g0-r0').text).toContain('اداره <کل> & "شرکت"');
  });

  it('a control character or a broken character in a name never makes the SVG unreadable', () => {
    const name = 'اداره\u0007 کل\u0000 راه\uFFFE x\uD800';
    const entries = ranking([{ name, score: 70 }], 'x');
    const input = releaseInput({
      province: 'ایلام\u0001',
      summary: summary({ groups: [group({ ranking: entries })] }),
    });
    const parts = render(input); // a strict XML parser: throws on a character XML cannot hold
    expect(textById(parts, 'title').text).toBe('ارزیابی روابط‌عمومی‌های استان ایلام');
    expect(textById(parts, 'g0-r0').text).toContain('اداره کل راه x\uFFFD');
  });

  it('three groups with long names still fit between the margins by the width estimate', async () => {
    const { textWidth } = await import('../../../functions/core/infographic/svg-text.ts');
    const long = 'اداره کل راهداری و حمل و نقل جاده‌ای استان کهگیلویه و بویراحمد';
    const entries = ranking(
      [1, 2, 3, 4].map((i) => ({ name: `${long} ${i}`, score: 80 - i })),
      'l',
    );
    const g = group({ ranking: entries, previousBands: bands([1, 1, 1, 1, 0]) });
    const input = releaseInput({
      province: 'کهگیلویه و بویراحمد',
      summary: summary({ groups: [g, { ...g, name: 'فرمانداری' }, { ...g, name: 'بخشداری' }] }),
    });
    const parts = render(input);
    for (const t of parts.texts) {
      const w = textWidth(t.text, t.size, t.bold);
      const left = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      expect(left, t.id).toBeGreaterThanOrEqual(59);
      expect(left + w, t.id).toBeLessThanOrEqual(1021);
      expect(t.y, t.id).toBeLessThanOrEqual(
        t.id === 'source' || t.id === 'date' ? 1350 : 1350 - 96,
      );
    }
  });
});
