// Issue 20's rules 1-5, 8 and 9 held on a second province (Lorestan 1404, a real .xlsx).
import { describe, expect, it } from 'vitest';
import { resultsRows } from '../../../functions/core/release/results-csv.ts';
import { secondProvince, type ProvinceMonth } from '../../support/second-province/workbook.ts';

const months = await secondProvince();
const of = (month: string): ProvinceMonth => {
  const found = months.find((m) => m.month === month);
  if (!found) throw new Error(`no ${month}`);
  return found;
};
const plain = (s: string): string => s.replace(/\u00A0/g, ' ');
const text = (month: string): string => plain(of(month).release.text);
const html = (month: string): string => plain(of(month).release.html);

describe('Lorestan, as read', () => {
  it('has what the acceptance asks for: three groups, a drop-out, ties at the bottom, small groups, a deadline', () => {
    const khordad = of('1404-02');
    expect(khordad.summary.groups.map((g) => [g.name, g.evaluated])).toEqual([
      ['دستگاه اجرایی', 22],
      ['فرمانداری', 6],
      ['شهرداری', 4],
    ]);
    expect(khordad.summary.groups[2]?.likeForLike).toMatchObject({
      joined: ['m05'],
      left: ['m04'],
    });
    expect(khordad.summary.groups[0]?.ranking.slice(-2).map((r) => [r.rank, r.standing])).toEqual([
      [20, 21],
      [20, 21],
    ]);
    expect(khordad.model.settings.deadline).toBe(10);
  });

  it('1: names the weak share for what it counts, in the headline, the body and the table', () => {
    expect(text('1404-02').split('\n')[0]).toBe(
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی لرستان در اردیبهشت‌ماه به ۴۶ درصد افزایش یافت',
    );
    expect(text('1404-01').split('\n')[0]).toBe(
      'عملکرد ۴۵ درصد روابط‌عمومی‌های دستگاه‌های اجرایی لرستان در فروردین‌ماه زیر سطح متوسط بود',
    );
    expect(html('1404-02')).toMatch(/<th [^>]*>ضعیف و بسیار ضعیف<\/th>/);
    expect(text('1404-02')).toContain(
      'شهرداری‌ها ۵۰ درصد (۲ از ۴) ضعیف و بسیار ضعیف، میانگین ۳۳٫۷۵',
    );
  });

  it('2: dense ranks said with how many scored higher; a fall in standings, «نزول کرد»', () => {
    expect(text('1404-02')).toContain(
      '- رتبه دوم (دو دستگاه اجرایی امتیاز بیشتری گرفتند): آب منطقه‌ای با ۷۵ امتیاز',
    );
    expect(text('1404-03')).toContain(
      'اداره کل ورزش و جوانان که در اردیبهشت‌ماه رتبه اول را داشت، در خردادماه با ۶۰ امتیاز (در اردیبهشت‌ماه ۸۸) به جایگاه چهارم نزول کرد.',
    );
    // The attachment carries each agency's standing beside its rank: the last two share 21st.
    const rows = resultsRows(of('1404-02').summary).filter((r) => r[1] === 'دستگاه اجرایی');
    expect(rows.slice(-2).map((r) => [r[2], r[3]])).toEqual([
      [20, 21],
      [20, 21],
    ]);
  });

  it('3: municipalities compared like for like, who left and who joined said', () => {
    const t = text('1404-02');
    // The whole group's mean rose (33.75 → 47.5); on the three of both months it fell.
    expect(t).toContain('و در شهرداری‌ها اندکی افت کرد؛');
    expect(t).toContain('میانگین ۳ شهرداری ارزیابی‌شده در هر دو ماه از ۴۱٫۶۷ به ۴۰ (از ۱۰۰) رسید.');
    expect(t).toContain(
      'در شهرداری‌ها، شهرداری الشتر که در فروردین‌ماه ارزیابی شده بود، در اردیبهشت‌ماه ارزیابی نشد؛ شهرداری چقابل که در فروردین‌ماه ارزیابی نشده بود، در اردیبهشت‌ماه ارزیابی شد.',
    );
    // The whole group's weak share fell from 50 to 25 %; on the three it held.
    expect(t).toContain(
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در شهرداری‌ها ۲۵ درصد (۱ شهرداری از ۴) بود؛ در ۳ شهرداری ارزیابی‌شده در هر دو ماه، این سهم همانند فروردین‌ماه ۳۳ درصد (۱ شهرداری از ۳) بود.',
    );
    expect(t).not.toMatch(/شهرداری‌ها بهبود یافت|۲۵ واحد درصد کاهش/);
  });

  it('3: the first group’s headline change on the agencies of both months when one dropped out', () => {
    const t = text('1404-03');
    expect(t).toContain(
      'در دستگاه‌های اجرایی، بیمه سلامت که در اردیبهشت‌ماه ارزیابی شده بود، در خردادماه ارزیابی نشد.',
    );
    expect(t).toContain(
      'میانگین امتیاز ۲۱ دستگاه اجرایی ارزیابی‌شده در هر دو ماه در سه محور اطلاع‌رسانی، پاسخگویی و نوآوری از ۴۵٫۶۷ در اردیبهشت‌ماه به ۴۵٫۷۶ در خردادماه رسید',
    );
    // The areas: this month's means alone (the month before's are of 22 other agencies).
    expect(t).toContain(
      'میانگین امتیاز دستگاه‌های اجرایی در خردادماه در اطلاع‌رسانی ۴۵٫۷۶، در پاسخگویی ۴۵٫۷۶ و در نوآوری ۴۵٫۷۶ بود',
    );
    expect(t).not.toContain('در اطلاع‌رسانی از ۴۴٫۱۴');
  });

  it('4: band limits never overlap', () => {
    expect(text('1404-02')).toContain(
      'بسیار ضعیف کمتر از ۲۰، ضعیف ۲۰ تا کمتر از ۴۰، متوسط ۴۰ تا کمتر از ۶۰، خوب ۶۰ تا کمتر از ۸۰ و بسیار خوب ۸۰ و بالاتر.',
    );
  });

  it('5: nothing internal in the text; the run id and content hash in the headers', () => {
    for (const m of months) {
      for (const part of [m.release.text, m.release.html]) {
        expect(part).not.toMatch(/r-20250601-080000-ab12|c0ffee12|دبیرخانه|شناسه اجرا|چکیده/);
      }
      expect(m.release.headers).toEqual({
        'X-Karnameh-Run': 'r-20250601-080000-ab12',
        'X-Karnameh-Digest': 'c0ffee12',
      });
    }
  });

  it('8: small groups give counts beside percents, in the text, the charts and the year table', () => {
    const t = text('1404-02');
    expect(t).toContain('عملکرد ۶۷ درصد (۴ فرمانداری) ضعیف و ۳۳ درصد (۲ فرمانداری) متوسط بود.');
    expect(t).toContain('ضعیف: ' + '█'.repeat(10) + ' ۲۵ درصد (۱ از ۴)');
    expect(html('1404-02')).toContain('۱ از ۴');
    expect(t).toContain('فرمانداری‌ها ۶۷ درصد (۴ از ۶) ضعیف و بسیار ضعیف');
  });

  it('9: names with «و» or «،», or bare labels, one a line', () => {
    const t = text('1404-02');
    expect(t).toContain(
      'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:\n- رتبه اول (مشترک): اداره کل ورزش و جوانان با ۸۸ امتیاز\n- رتبه اول (مشترک): بانک سپه با ۸۸ امتیاز',
    );
    expect(t).not.toContain('اداره کل ورزش و جوانان و بانک سپه');
  });
});
