// The desk editor's "rules a program can check" (editor-review-2.md §3) that apply to the release, as a program.
import {
  numberWords,
  ordinalWord,
  persianNumber,
  pressMonth,
} from '../../functions/core/persian-text.ts';
import type { ReleaseInput } from '../../functions/core/release-input.ts';
import type { GroupSummary, Summary } from '../../functions/core/summary.ts';
import { groupNaming } from '../../functions/core/text/release/names.ts';
import type { RenderedRelease } from '../../functions/ports.ts';

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

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

const weakLabel = (r: ReadRelease): string => {
  const bands = r.summary.groups[0]?.bands ?? [];
  const labels = bands
    .slice(0, r.input.weakBands)
    .map((b) => b.label)
    .reverse();
  return labels.length > 1
    ? `${labels.slice(0, -1).join('، ')} و ${labels.at(-1)}`
    : (labels[0] ?? '');
};

const plural = (r: ReadRelease, g: GroupSummary): string =>
  groupNaming(g.name, r.input.groupPlurals ?? {}).plural;
const singular = (r: ReadRelease, g: GroupSummary): string =>
  groupNaming(g.name, r.input.groupPlurals ?? {}).singular;

const changed = (g: GroupSummary): boolean =>
  g.likeForLike !== null && (g.likeForLike.joined.length > 0 || g.likeForLike.left.length > 0);

const QUOTE = /گفت:|افزود:|ادامه داد:|توضیح داد:|عنوان کرد|به گفته وی/;
const FINITE_VERB = /(یافت|رسید|شد|شدند|بود|ماند|گرفتند|کرد|کردند)$/;

export const RULES: Rule[] = [
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
    says: 'a group under 20 agencies gives counts beside its percents (press-release.md)',
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
  {
    id: 'R8',
    says: 'band limits never overlap: «… تا کمتر از …»',
    check(r) {
      const method = paragraphs(r.text).find((p) => p.includes('سطح قرار می‌گیرد')) ?? '';
      const bad: string[] = [];
      if (method && !method.includes('تا کمتر از')) bad.push('no «تا کمتر از» in the method');
      if (/([۰-۹]+) تا ([۰-۹]+)، [^،]*? \2 تا/.test(method)) bad.push('overlapping limits');
      return bad;
    },
  },
  {
    id: 'R9',
    says: 'the headline ends in a finite verb, its figure in the body under the same label (length: see the note)',
    check(r) {
      const headline = (r.text.split('\n')[0] ?? '').trim();
      const bad: string[] = [];
      if (!FINITE_VERB.test(headline)) bad.push(`no finite verb: ${headline}`);
      const figure = /([۰-۹]+) درصد/.exec(headline)?.[0];
      const body = r.text.slice(headline.length);
      if (figure && !body.includes(figure)) bad.push(`${figure} not in the body`);
      if (headline.replace(/\u200C/g, '').length > 100)
        bad.push(`over 100 characters: ${headline}`);
      return bad;
    },
  },
  {
    id: 'R10',
    says: 'the lede opens «به گزارش» with the source, with group means from the JSON, no pooled mean',
    check(r) {
      const lede = paragraphs(r.text)[1] ?? '';
      const bad: string[] = [];
      if (r.input.source && !lede.startsWith(`به گزارش ${r.input.source}`))
        bad.push('no «به گزارش»');
      const known = new Set<string>();
      for (const g of r.summary.groups)
        for (const v of [
          g.meanScore,
          g.previousMeanScore,
          g.likeForLike?.meanScore,
          g.likeForLike?.previousMeanScore,
        ])
          if (typeof v === 'number') known.add(persianNumber(v));
      for (const m of lede.matchAll(/[۰-۹]+٫[۰-۹]+/g))
        if (!known.has(m[0])) bad.push(`«${m[0]}» is no group mean of the JSON`);
      return bad;
    },
  },
  {
    id: 'R12',
    says: 'names with «و» or «،» inside never sit in a list joined by «،» or «و»',
    check(r) {
      const bad: string[] = [];
      for (const g of r.summary.groups) {
        const names = g.ranking.map((a) => a.name);
        for (const a of names)
          for (const b of names) {
            if (a === b || !/ و |،/.test(a + b)) continue;
            for (const joint of [`${a} و ${b}`, `${a}، ${b}`])
              if (r.text.includes(joint)) bad.push(`«${joint}»`);
          }
      }
      return bad;
    },
  },
  {
    id: 'R13',
    says: 'nothing internal in the release: no secretariat block, run id or digest',
    check(r) {
      const bad: string[] = [];
      for (const part of [r.text, r.visible])
        for (const word of [
          'ویژه دبیرخانه',
          'برای دبیرخانه',
          'شناسه اجرا',
          'چکیده داده‌ها',
          r.input.runId,
          r.input.digest,
        ])
          if (word && part.includes(word)) bad.push(`«${word}»`);
      return bad;
    },
  },
  {
    id: 'R14',
    says: 'the attachment is mentioned only as the file that is attached',
    check(r) {
      const bad: string[] = [];
      if (r.text.includes('فایل پیوست')) bad.push('«فایل پیوست» without its name');
      const line = r.text.split('\n').find((l) => l.includes('پیوست')) ?? '';
      if (line && !line.includes(r.attachment))
        bad.push(`the attachment line does not name ${r.attachment}`);
      return bad;
    },
  },
  {
    id: 'R15',
    says: 'no two paragraphs in a row open with the same attribution; the title names the province',
    check(r) {
      const bad: string[] = [];
      const openers = paragraphs(r.text).map(
        (p) => /^([^:،]{2,60}):/.exec(p)?.[1]?.replace(/درباره \S+/, 'درباره …') ?? '',
      );
      openers.forEach((o, i) => {
        if (o && o === openers[i - 1]) bad.push(`two paragraphs open «${o}»`);
      });
      const title = r.input.spokespersonTitle ?? '';
      if (title && !title.includes(r.input.province.replace(/^استان /, '')))
        bad.push('the title lacks the province');
      return bad;
    },
  },
  {
    id: 'R16',
    says: 'no «روابط عمومی» with a space (names from the sheet as written: see the note)',
    check: (r) => (/روابط عمومی/.test(r.text + r.visible) ? ['«روابط عمومی»'] : []),
  },
  {
    id: 'R17',
    says: 'no trailing zero after «٫»',
    check: (r) =>
      [...(r.text + ' ' + r.visible).matchAll(/[۰-۹]+٫[۰-۹]*۰(?![۰-۹])/g)].map((m) => m[0]),
  },
  {
    id: 'R18',
    says: 'no block-character bars in or between the spokesperson’s paragraphs',
    check(r) {
      const ps = paragraphs(r.text);
      const lastQuote = ps.reduce((last, p, i) => (QUOTE.test(p) ? i : last), -1);
      return ps.flatMap((p, i) =>
        p.includes('█') && i <= lastQuote ? [`bars in paragraph ${i + 1}`] : [],
      );
    },
  },
];
