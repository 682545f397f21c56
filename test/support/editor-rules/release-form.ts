// The editor's rules on the release's form (R8-R18) as a program.
import { persianNumber } from '../../../functions/core/language/persian-text.ts';
import { FINITE_VERB, paragraphs, QUOTE, type Rule } from './release-read.ts';

export const FORM_RULES: Rule[] = [
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
    says: 'nothing internal in the release: no secretariat block, run id or content hash',
    check(r) {
      const bad: string[] = [];
      for (const part of [r.text, r.visible])
        for (const word of [
          'ویژه دبیرخانه',
          'برای دبیرخانه',
          'شناسه اجرا',
          'چکیده داده‌ها',
          r.input.runId,
          r.input.contentHash,
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
