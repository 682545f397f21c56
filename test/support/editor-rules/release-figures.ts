// The editor's rules on figures, labels, comparisons and ranks (R1, R3, R5, R7) as a program.
import {
  numberWords,
  ordinalWord,
  persianNumber,
  pressMonth,
} from '../../../functions/core/language/persian-text.ts';
import { changed, paragraphs, plural, singular, weakLabel, type Rule } from './release-read.ts';

export const FIGURE_RULES: Rule[] = [
  {
    id: 'R1',
    says: 'the weak share is named for what it counts, in the headline, body and tables',
    check(r) {
      const bad: string[] = [];
      const label = weakLabel(r);
      const headline = r.text.split('\n')[0] ?? '';
      if (/درصد/.test(headline) && !headline.includes(label) && !headline.includes('زیر سطح متوسط'))
        bad.push(`headline without «${label}»: ${headline}`);
      const weakBand = new Set<string>();
      for (const g of r.summary.groups)
        for (const b of [...g.bands, ...(g.previousBands ?? [])])
          if (b.label === 'ضعیف') weakBand.add(String(b.percent));
      const digits = (s: string): string =>
        s.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
      for (const part of [r.text, r.visible])
        for (const m of part.matchAll(/([۰-۹]+) درصد(?: \([^)]*\))? ضعیف(?! و| یا)/g))
          if (!weakBand.has(digits(m[1] ?? ''))) bad.push(`«${m[0]}» is not the «ضعیف» band`);
      if (/<th[^>]*>ضعیف<\/th>/.test(r.html)) bad.push('a table column headed «ضعیف»');
      return bad;
    },
  },
  {
    id: 'R3',
    says: 'a group under 20 agencies gives counts beside its percents (docs/texts.md#small-groups-and-bare-names)',
    check(r) {
      const bad: string[] = [];
      for (const g of r.summary.groups.slice(1)) {
        if (g.evaluated === 0 || g.evaluated >= 20) continue;
        const opening = `از ${persianNumber(g.evaluated)} ${singular(r, g)} ارزیابی‌شده`;
        const p = paragraphs(r.text).find((x) => x.includes(opening));
        if (!p) {
          bad.push(`no paragraph for ${g.name}`);
          continue;
        }
        for (const m of p.matchAll(/(?<!واحد )[۰-۹]+ درصد(?! \()(?!؛)/g))
          bad.push(`${g.name}: «${m[0]}» without a count`);
      }
      return bad;
    },
  },
  {
    id: 'R5',
    says: 'month-on-month group statements like for like, who joined and left said, no contrary direction',
    check(r) {
      const bad: string[] = [];
      const prev = r.summary.previousMonth
        ? pressMonth(r.summary.previousMonth, r.summary.month)
        : '';
      const lede = paragraphs(r.text)[1] ?? '';
      const directions = lede.split('نسبت به')[1]?.split('؛')[0] ?? '';
      for (const g of r.summary.groups) {
        const lfl = g.likeForLike;
        if (!lfl || !changed(g)) continue;
        const names = new Map([...g.ranking, ...g.notEvaluated].map((a) => [a.id, a.name]));
        for (const id of [...lfl.joined, ...lfl.left])
          if (!lede.includes(names.get(id) ?? id))
            bad.push(`${g.name}: ${id} joined or left, not said`);
        const p = paragraphs(r.text).find((x) =>
          x.includes(
            `${singular(r, g)} ارزیابی‌شده در ${pressMonth(r.summary.month, r.summary.month)}`,
          ),
        );
        if (p?.includes(`نسبت به ${prev} (`))
          bad.push(`${g.name}: the whole group compared across a changed set`);
        if (!lede.includes('ارزیابی‌شده در هر دو ماه'))
          bad.push(`${g.name}: the lede does not say «ارزیابی‌شده در هر دو ماه»`);
        const delta = (lfl.meanScore ?? 0) - (lfl.previousMeanScore ?? 0);
        const clause =
          directions.split(/ و در |، در /).find((c) => c.includes(plural(r, g))) ?? directions;
        if (delta < 0 && /بهبود/.test(clause))
          bad.push(`${g.name}: «بهبود» though like for like it fell`);
        if (delta > 0 && /(^|\s)افت کرد/.test(clause))
          bad.push(`${g.name}: «افت» though like for like it rose`);
      }
      return bad;
    },
  },
  {
    id: 'R7',
    says: 'rank statements true as read: standings beyond the podium, dense ranks explained, a fall never «رسید»',
    check(r) {
      const bad: string[] = [];
      if (/به رتبه \S+ رسید/.test(r.text)) bad.push('«به رتبه … رسید»');
      if (/رتبه [۰-۹]+ از [۰-۹]+/.test(r.text)) bad.push('«رتبه X از N» in the release');
      for (const g of r.summary.groups) {
        for (const m of r.text.matchAll(
          /(?:^|[.:] )([^.:]+?) که در \S+ رتبه اول را داشت، در \S+ با \S+ امتیاز \([^)]*\) (?:به‌طور مشترک )?به جایگاه (\S+) نزول کرد/gm,
        )) {
          const entry = g.ranking.find((a) => a.name === m[1]);
          if (!entry) continue;
          if (m[2] !== ordinalWord(entry.standing))
            bad.push(`${entry.name}: «${m[2]}» but its standing is ${entry.standing}`);
          if (entry.previousScore !== null && entry.score >= entry.previousScore)
            bad.push(`R22: ${entry.name} named as fallen with a score that did not fall`);
        }
        for (const entry of g.ranking.filter((a) => a.rank <= r.input.top && a.standing > a.rank))
          if (
            !r.text.includes(
              `${numberWords(entry.standing - 1)} ${singular(r, g)} امتیاز بیشتری گرفتند`,
            )
          )
            bad.push(`${entry.name}: rank ${entry.rank} without how many scored higher`);
      }
      return bad;
    },
  },
];
