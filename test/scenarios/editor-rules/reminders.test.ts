// The editor's rules for reminders and the digest (R26–R29, R12), on the example's round and a second province.
import { describe, expect, it } from 'vitest';
import { createReminderRenderer } from '../../../functions/adapters/mail/templates/render-reminder.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { collectReminders } from '../../../functions/core/reminders/collect-reminders.ts';
import {
  daysBetween,
  deadlineOf,
  type JalaliDay,
} from '../../../functions/core/runs/reminder-calendar.ts';
import { digestView, reminderView } from '../../../functions/core/reminders/reminder-view.ts';
import {
  secretariatContact,
  secretariatName,
} from '../../../functions/core/contract/secretariat.ts';
import type { RenderedMail } from '../../../functions/ports.ts';
import { plain, salutation, signature } from '../../support/editor-rules/cards.ts';
import { fromTabs, sampleTabs } from '../../support/raw-workbooks.ts';
import {
  CONTACT,
  SECRETARIAT,
  secondProvince,
  SCORES,
} from '../../support/second-province/cards.ts';
import { reminderWorkbook, setScore, TIR } from '../../support/reminder-fixtures.ts';

const render = createReminderRenderer();

/** The round of a workbook on a given Tehran day, rendered. */
function roundOn(raw: RawWorkbook, today: JalaliDay) {
  const parsed = parseWorkbook(raw, { month: TIR });
  const { settings } = parsed.model;
  const round = collectReminders(raw, parsed, TIR);
  const deadline = deadlineOf(TIR, settings.deadline);
  const context = {
    province: settings.province,
    deadline,
    today,
    daysLeft: deadline ? daysBetween(today, deadline) : null,
    secretariat: secretariatName(settings),
    contact: secretariatContact(settings),
  };
  const mails = new Map<string, RenderedMail>(
    round.reminders.map((r) => [r.agency.id, render.reminder(reminderView(r, TIR, context))]),
  );
  return { round, mails, digest: render.digest(digestView(round, context)), settings };
}

/** The Jalali date and weekday of a Gregorian day, by Intl's Persian calendar (not ours). */
function intlDay(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  const weekday = new Intl.DateTimeFormat('fa-IR', { weekday: 'long', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const parts = day.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${weekday.format(date)} ${get('day')} ${get('month')} ${get('year')}`.replace(
    /\u200c/g,
    '‌',
  );
}

/** R27: the deadline (Gregorian `iso`) with its weekday, said as ahead or as passed. */
function deadlineRule(text: string, iso: string, passed: boolean): string[] {
  const found: string[] = [];
  const said = intlDay(iso);
  if (!plain(text).includes(said)) found.push(`no «${said}»`);
  if (text.includes('هرچه زودتر')) found.push('«هرچه زودتر» with a deadline set');
  const ahead = /لطفاً حداکثر تا پایان روز/.test(text);
  const over = /به پایان رسیده است/.test(text);
  if (passed ? !over || ahead : !ahead || over) found.push(`passed=${passed} not said so`);
  return found;
}

/** R28: a number written in letters is asked in digits, with the maximum when over it. */
function numberWordRule(text: string, word: string, max: string | null): string[] {
  const found: string[] = [];
  if (!text.includes(`«${word}»`)) return [`«${word}» not quoted`];
  if (!text.includes('با رقم بنویسید')) found.push('no «با رقم بنویسید»');
  if (new RegExp(`«${word}» عدد نیست`).test(text)) found.push(`«${word}» عدد نیست`);
  if (max !== null && !text.includes(`حداکثر امتیاز این شاخص (${max})`)) found.push('no maximum');
  return found;
}

/** R12: the digest's lists one agency a line (names hold «،» and «و»). */
function digestLines(text: string, names: readonly string[]): string[] {
  const lines = plain(text).split('\n');
  return names.filter((name) => !lines.includes(`- ${name}`)).map((n) => `not on a line: ${n}`);
}

describe('the example’s reminder round (Tir 1403, deadline Wednesday 10 Mordad)', () => {
  async function example(today: JalaliDay) {
    const raw = await reminderWorkbook();
    setScore(raw, 'd009', 'G', 'ده'); // ش۵, maximum 5: ten in letters, and over the maximum
    return roundOn(raw, today);
  }

  it('three days before: each reminder holds R26–R29; a number in letters is asked in digits', async () => {
    const { round, mails } = await example({ year: 1403, month: 5, day: 7 });
    expect([...mails.keys()]).toEqual(['d003', 'd005', 'd007', 'd009', 'f04']);
    const found: string[] = [];
    for (const [id, mail] of mails) {
      for (const [part, t] of [
        ['text', mail.text],
        ['html', mail.html],
      ] as const) {
        const checks = [
          ...deadlineRule(t, '2024-07-31', false),
          ...(part === 'text' ? salutation(t) : []),
          ...(part === 'text' ? signature(t, 'دبیرخانه شورای اطلاع‌رسانی استان ایلام', null) : []),
        ];
        found.push(...checks.map((b) => `${id} ${part}: ${b}`));
      }
    }
    expect(found).toEqual([]);
    expect(numberWordRule(mails.get('d007')?.text ?? '', 'ده', null)).toEqual([]);
    expect(numberWordRule(mails.get('d009')?.text ?? '', 'ده', '۵')).toEqual([]);
    expect(round.withErrors.map((a) => a.id)).toContain('d009');
  });

  it('after the deadline: said to have passed, with its weekday', async () => {
    const { mails } = await example({ year: 1403, month: 5, day: 12 });
    for (const mail of mails.values())
      expect(deadlineRule(mail.text, '2024-07-31', true)).toEqual([]);
    expect(plain(mails.get('d003')?.text ?? '')).toContain(
      'مهلت ثبت امتیازهای تیرماه ۱۴۰۳ در کاربرگ ارزیابی روابط‌عمومی‌های استان ایلام روز چهارشنبه ۱۰ مرداد ۱۴۰۳ به پایان رسیده است',
    );
  });

  it('the digest: one agency a line, in each list', async () => {
    const { round, digest } = await example({ year: 1403, month: 5, day: 7 });
    const everyone = [...round.submitted, ...round.notSubmitted, ...round.withErrors];
    expect(everyone).toHaveLength(110);
    expect(
      digestLines(
        digest.text,
        everyone.map((a) => a.name),
      ),
    ).toEqual([]);
    // No line holds two names.
    for (const line of digest.text.split('\n'))
      expect(everyone.filter((a) => line.includes(a.name)).length).toBeLessThanOrEqual(2);
  });
});

describe('the second province’s round (Kermanshah, Tir 1403)', () => {
  function kermanshah() {
    const scores = SCORES.map((r) =>
      r[0] === '1403-04' && r[1] === 'g03' ? [...r.slice(0, 5), 'ده'] : r,
    );
    const raw = fromTabs({ ...sampleTabs(), ...secondProvince(scores) });
    return roundOn(raw, { year: 1403, month: 5, day: 9 });
  }

  it('reminds the drop-out and the number in letters, signed by its secretariat, deadline ahead', () => {
    const { mails, digest } = kermanshah();
    expect([...mails.keys()]).toEqual(['e06', 'g03']);
    for (const mail of mails.values()) {
      expect(deadlineRule(mail.text, '2024-07-31', false)).toEqual([]);
      expect(salutation(mail.text)).toEqual([]);
      expect(signature(mail.text, SECRETARIAT, CONTACT)).toEqual([]);
      expect(mail.html).toContain(`<span dir="ltr">${CONTACT}</span>`);
    }
    expect(plain(mails.get('g03')?.text ?? '')).toContain(
      'امتیاز شاخص ش۴ (طرح نو) با حروف نوشته شده است («ده»)؛ با رقم بنویسید: عددی از ۰ تا ۵. «ده» یعنی ۱۰، که از حداکثر امتیاز این شاخص (۵) بیشتر است.',
    );
    expect(plain(mails.get('e06')?.text ?? '')).toContain(
      'لطفاً حداکثر تا پایان روز چهارشنبه ۱۰ مرداد ۱۴۰۳ موارد زیر را اصلاح کنید (۱ روز به پایان مهلت مانده است)؛',
    );
    expect(digestLines(digest.text, ['اداره کل ورزش و جوانان', 'فرمانداری پاوه'])).toEqual([]);
    expect(plain(digest.text)).toContain('امروز برای ۲ دستگاه یادآوری فرستاده شد.');
    expect(plain(digest.text)).toContain(
      'ثبت کامل و درست (۹ دستگاه):\n- اداره کل آموزش و پرورش\n- اداره کل تعاون، کار و رفاه اجتماعی\n',
    );
  });
});

describe('a round with nothing to remind', () => {
  it('the digest says nobody was reminded, not «برای ۰ دستگاه»', () => {
    const raw = fromTabs({ ...sampleTabs(), ...secondProvince(SCORES) });
    const scores = raw.tabs.find((t) => t.name === 'امتیازها');
    scores?.rows.push(['1403-04', 'e06', 5, 5, 5, 2.5]);
    const { round, digest } = roundOn(raw, { year: 1403, month: 5, day: 9 });
    expect(round.reminders).toEqual([]);
    expect(digest.text).toContain('امروز برای هیچ دستگاهی یادآوری فرستاده نشد.');
    expect(digest.text).not.toMatch(/برای ۰/);
  });
});
