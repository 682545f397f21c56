import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createReleaseRenderer,
  defaultTemplatesDir,
  packageRoot,
} from '../../../functions/adapters/mail/render-release.ts';
import { oneLine } from '../../../functions/adapters/mail/one-line.ts';
import { tirInput } from '../../support/release-fixtures.ts';

const render = createReleaseRenderer();
const tir = render(tirInput());

/** The HTML's visible text: tags dropped, the few entities the templates use decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the article’s Tir figures', () => {
  const figures = [
    // Headline with a figure.
    'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه به ۴۱ درصد کاهش یافت',
    // Executive agencies, Tir: 4 / 37 / 50 / 9 %; Khordad: 12 / 44 / 42 / 2 %.
    'عملکرد ۴ درصد بسیار ضعیف، ۳۷ درصد ضعیف، ۵۰ درصد متوسط و ۹ درصد خوب بود',
    'در خردادماه ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب',
    // Headline change +15 %, with its base.
    'از ۴۳٫۶ در خردادماه به ۵۰٫۲ در تیرماه رسید و ۱۵ درصد رشد داشت',
    // Weak share 91, 91, 56 → 41.
    'از ۹۱ درصد در فروردین و اردیبهشت و ۵۶ درصد در خرداد، در تیرماه به ۴۱ درصد کاهش یافت',
    // Governorates 80 %, 10 points better than 90 %; under 20 of them: counts beside percents.
    'در فرمانداری‌ها ۸۰ درصد (۸ فرمانداری از ۱۰) بود که نسبت به خردادماه (۹۰ درصد؛ ۹ فرمانداری از ۱۰) ۱۰ واحد درصد کاهش دارد',
    'عملکرد ۲۰ درصد (۲ فرمانداری) بسیار ضعیف، ۶۰ درصد (۶ فرمانداری) ضعیف و ۲۰ درصد (۲ فرمانداری) متوسط بود',
    // Never the top band.
    'به سطح «بسیار خوب» نرسیده است',
    // Method.
    'بیست شاخص',
    'سه محور اطلاع‌رسانی، پاسخگویی و نوآوری',
    'بسیار ضعیف کمتر از ۲۰، ضعیف ۲۰ تا کمتر از ۴۰، متوسط ۴۰ تا کمتر از ۶۰، خوب ۶۰ تا کمتر از ۸۰ و بسیار خوب ۸۰ و بالاتر',
    // Rankings with the article's ties: bare names («و» inside), one a line; dense ranks
    // said with how many scored higher; the former leader's fall in standings.
    'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:',
    'دو دستگاه اجرایی امتیاز بیشتری گرفتند',
    'چهار دستگاه اجرایی امتیاز بیشتری گرفتند',
    'بهزیستی که در خردادماه رتبه اول را داشت، در تیرماه با ۷۴٫۲۵ امتیاز (در خردادماه ۶۶) به‌طور مشترک به جایگاه سوم نزول کرد.',
    'در فرمانداری‌ها، رتبه‌های اول تا سوم به این شرح است:',
    // Closing line: the date it was computed on.
    'این گزارش در ۵ مرداد ۱۴۰۳ از داده‌های ثبت‌شده دستگاه‌ها تهیه شده است.',
  ];

  it.each(figures)('text says «%s»', (figure) => {
    expect(tir.text.replace(/\u00A0/g, ' ')).toContain(figure);
  });

  it.each(figures)('html says «%s»', (figure) => {
    expect(visibleText(tir.html).replace(/\u00A0/g, ' ')).toContain(figure);
  });

  it('draws every band share this month and the month before, in Persian digits', () => {
    for (const share of ['۴', '۳۷', '۵۰', '۹', '۰', '۱۲', '۴۴', '۴۲', '۲', '۲۰', '۶۰']) {
      expect(tir.html).toContain(`${share}٪`);
      expect(tir.text).toContain(`${share}\u00A0درصد`);
    }
    expect(tir.html).toContain('width="37%"');
    expect(tir.html).toContain('width:37%');
    expect(tir.text.replace(/\u00A0/g, ' ')).toContain(
      `ضعیف: ${'█'.repeat(15)} ۳۷ درصد (خردادماه: ${'█'.repeat(18)} ۴۴ درصد)`,
    );
    // Under 20 governorates: each bar with its count.
    expect(tir.text.replace(/\u00A0/g, ' ')).toContain(
      `ضعیف: ${'█'.repeat(24)} ۶۰ درصد (۶ از ۱۰) (خردادماه: ${'█'.repeat(24)} ۶۰ درصد، ۶ از ۱۰)`,
    );
  });

  it('writes every figure in Persian digits: Latin digits only in ids, run id and content hash', () => {
    const latin = /<span dir="ltr">[^<]*<\/span>/g;
    expect(visibleText(tir.html.replace(latin, ''))).not.toMatch(/[0-9]/);
    const text = tir.text
      .replace('karnameh-1403-04.csv', '')
      .replace('karnameh-1403-04-infographic.png', '');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('spells Persian with ZWNJ', () => {
    for (const word of ['روابط\u200Cعمومی\u200Cهای', 'اطلاع\u200Cرسانی', 'می\u200Cشود']) {
      expect(tir.text).toContain(word);
      expect(tir.html).toContain(word);
    }
    expect(tir.text).not.toMatch(/روابط عمومی|روابطعمومی|می شود/);
  });

  it('names the province and the month in the subject', () => {
    expect(tir.subject).toBe('گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
  });

  it('puts Latin text in left-to-right spans', () => {
    expect(tir.html).toContain('<span dir="ltr">karnameh-1403-04.csv</span>');
    expect(tir.html).not.toContain('a101');
  });

  it('keeps the run id and the content hash out of the text, in the mail headers', () => {
    for (const part of [tir.text, tir.html]) {
      expect(part).not.toContain('run-20240726-0700-7f3a');
      expect(part).not.toContain('3f9a1c0d7e2b');
      expect(part).not.toMatch(
        /شناسه اجرا|چکیده داده‌ها|دبیرخانه \(برای انتشار نیست\)|ویژه دبیرخانه/,
      );
    }
    expect(tir.headers).toEqual({
      'X-Karnameh-Run': 'run-20240726-0700-7f3a',
      'X-Karnameh-Digest': '3f9a1c0d7e2b',
    });
  });

  it('is right-to-left and Persian on html, body, the wrapper and every table', () => {
    expect(tir.html).toMatch(/<html dir="rtl" lang="fa">/);
    expect(tir.html).toMatch(
      /<body dir="rtl" lang="fa" style="[^"]*direction:rtl; text-align:right/,
    );
    expect(tir.html).toMatch(/<div dir="rtl" lang="fa" style="direction:rtl; text-align:right/);
    const tables = tir.html.match(/<table\b[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      expect(table).toContain('dir="rtl" lang="fa"');
      expect(table).toMatch(/style="direction:rtl;/);
    }
  });

  it('uses the press font stack and no external resources, style sheets or flex layout', () => {
    expect(tir.html).toContain("font-family:Tahoma, Vazirmatn, 'Segoe UI', Arial, sans-serif");
    // the one picture is the infographic, attached and named by its Content-ID
    const inline = tir.html.replace(/<img src="cid:infographic-1403-04@karnameh"/, '');
    expect(inline).not.toMatch(/<img|<link|<style|<script|url\(|display:\s*(flex|grid)|https?:/i);
  });

  it('has a plain-text part without markup', () => {
    expect(tir.text).not.toMatch(/<[a-z/]|&[a-z]+;/i);
    expect(tir.text.endsWith('\n')).toBe(true);
    expect(tir.text).not.toMatch(/\n{3,}/);
  });

  it('attaches the results as CSV', () => {
    expect(tir.attachment.filename).toBe('karnameh-1403-04.csv');
    expect(tir.attachment.contentType).toBe('text/csv; charset=utf-8');
    expect(tir.attachment.content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('escaping what comes from the sheet', () => {
  const script = '<img src=x onerror=alert(1)>';
  const formula = '=HYPERLINK("http://x")';
  const input = structuredClone(tirInput());
  const executive = input.summary.groups[0];
  if (!executive) throw new Error('fixture has no executive group');
  const top = executive.ranking[0];
  if (!top) throw new Error('fixture has no ranking');
  top.name = script;
  executive.notEvaluated.push({ id: 'a104', name: formula, reason: 'agency.no_submission' });
  const release = render(input);

  it('shows markup as text in the html', () => {
    expect(release.html.match(/<img/g)).toEqual(['<img']);
    expect(release.html).toContain('<img src="cid:infographic-');
    expect(release.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(visibleText(release.html)).toContain(script);
    expect(visibleText(release.html)).toContain(formula);
  });

  it('shows the names as written in the text part', () => {
    expect(release.text).toContain(script);
    expect(release.text).toContain(`${formula}: فرم ماه را ثبت نکرده است.`);
  });

  it('neutralises the formula in the CSV', () => {
    const csv = release.attachment.content.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)"=/m);
    expect(csv).toContain(`"${script}"`);
  });

  it('keeps a line break in the province out of the subject', () => {
    const subject = render(tirInput({ province: 'ایلام\r\nBcc: victim@example.org' })).subject;
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe(
      'گزارش ارزیابی روابط‌عمومی‌های استان ایلام Bcc: victim@example.org — تیر ۱۴۰۳',
    );
  });

  it('makes any subject one line', () => {
    expect(oneLine('الف\r\nب\u2028ج\n')).toBe('الف ب ج');
  });

  it('drops bidi overrides from names', () => {
    const spoofed = structuredClone(tirInput());
    const g = spoofed.summary.groups[1];
    const entry = g?.ranking[0];
    if (!entry) throw new Error('fixture has no governorate');
    entry.name = 'بدره\u202E';
    expect(render(spoofed).html).not.toContain('\u202E');
  });
});

describe('templates', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function templates(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'karnameh-templates-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'partials'));
    for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
    return dir;
  }

  it('are found in the package root from source and from a build in dist/', () => {
    const root = packageRoot();
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    const fromDist = pathToFileURL(join(root, 'dist/functions/adapters/mail/render-release.js'));
    expect(packageRoot(fromDist.href)).toBe(root);
    expect(defaultTemplatesDir()).toBe(join(root, 'templates'));
  });

  it('may come from another folder, with partials and the helpers', () => {
    const dir = templates({
      'release.subject.hbs': '{{view.province}}\n{{view.monthName}}',
      'release.text.hbs': '{{digits 12.5}} {{percent 4}} {{ordinal 3}} {{ltr "a<b"}}',
      'release.html.hbs': '{{> line}}',
      'partials/line.hbs': '{{digits "run 7"}} {{percent 37}} {{ordinal 1}} {{ltr "a<b"}}',
    });
    const release = createReleaseRenderer(dir)(tirInput());
    expect(release.subject).toBe('ایلام تیر ۱۴۰۳');
    expect(release.text).toBe('۱۲٫۵ ۴\u00A0درصد سوم a<b\n');
    expect(release.html).toBe('run ۷ ۳۷\u00A0درصد اول <span dir="ltr">a&lt;b</span>');
  });

  it('fail loudly on a field the view does not have', () => {
    const dir = templates({
      'release.subject.hbs': '{{view.province}}',
      'release.text.hbs': '{{view.provnice}}',
      'release.html.hbs': '',
    });
    const renderTypo = createReleaseRenderer(dir);
    expect(() => renderTypo(tirInput())).toThrow(/provnice/);
  });

  it('fail at creation when a template does not parse', () => {
    const dir = templates({
      'release.subject.hbs': '{{view.province}}',
      'release.text.hbs': '{{#if view.quoted}}unclosed',
      'release.html.hbs': '',
    });
    expect(() => createReleaseRenderer(dir)).toThrow(/release\.text\.hbs/);
  });

  it('fail at creation when a template is missing', () => {
    const dir = templates({ 'release.subject.hbs': '' });
    expect(() => createReleaseRenderer(dir)).toThrow(/release\.html\.hbs/);
  });
});
