import { describe, expect, it } from 'vitest';
import { createReminderRenderer } from '../../../functions/adapters/mail/render-reminder.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import type { Problem, ProblemCode } from '../../../functions/core/contract/problems.ts';
import { defined } from '../../support/sheets-fixtures.ts';
import { collectReminders } from '../../../functions/core/reminders/collect-reminders.ts';
import { closestAgency } from '../../../functions/core/reminders/name-match.ts';
import { digestView, reminderView } from '../../../functions/core/reminders/reminder-view.ts';
import {
  PLANTED,
  PLANTED_IDS,
  TIR,
  reminderWorkbook,
  setScore,
  tabOf,
  tirRow,
} from '../../support/reminder-fixtures.ts';

const SCORES = 'امتیازها';

async function roundOf(
  edit: (raw: Awaited<ReturnType<typeof reminderWorkbook>>) => void = () => {},
) {
  const raw = await reminderWorkbook();
  edit(raw);
  const parsed = parseWorkbook(raw, { month: TIR });
  return { raw, parsed, round: collectReminders(raw, parsed, TIR) };
}

const context = {
  province: 'ایلام',
  deadline: { year: 1403, month: 5, day: 10 },
  today: { year: 1403, month: 5, day: 7 },
  daysLeft: 3,
  secretariat: 'دبیرخانه شورای اطلاع‌رسانی استان ایلام',
  contact: '۰۸۴-۳۳۳۳۰۰۰۰',
};

describe('what to remind', () => {
  it('reminds exactly the four agencies with planted problems, each at its own cells', async () => {
    const { raw, round } = await roundOf();
    expect(round.reminders.map((r) => r.agency.id)).toEqual(PLANTED_IDS);
    for (const reminder of round.reminders) {
      const id = reminder.agency.id as keyof typeof PLANTED;
      const planted = PLANTED[id];
      expect(reminder.items).toHaveLength(1);
      const [item] = reminder.items;
      expect(item?.code).toBe(planted.code);
      expect(item?.tab).toBe(SCORES);
      expect(item?.cell).toBe(planted.column ? `${planted.column}${tirRow(raw, id) + 1}` : '');
      expect(reminder.notSubmitted).toBe(planted.column === null);
      expect(reminder.agency.emails).toEqual([`pr.${id}@example.org`]);
    }
    const [d003, , d007, f04] = round.reminders;
    expect(d003?.items[0]?.text).toBe(
      'امتیاز شاخص ش۳ (فعالیت در پیام‌رسان‌های داخلی و شبکه‌های اجتماعی) خالی است؛ عددی از ۰ تا ۱۰ بنویسید.',
    );
    // «ده» is a number written in letters: asked in digits, never called «not a number».
    expect(d007?.items[0]?.text).toBe(
      'امتیاز شاخص ش۲ (به‌روزرسانی پایگاه اطلاع‌رسانی (وب‌سایت) دستگاه) با حروف نوشته شده است («ده»)؛ با رقم بنویسید: عددی از ۰ تا ۱۰.',
    );
    expect(f04?.items[0]?.text).toBe(
      'برای تیر ۱۴۰۳ هنوز ردیفی ندارید؛ در برگه «امتیازها» ردیفی با ماه «تیر ۱۴۰۳» و شناسه «f04» بنویسید و امتیاز همه شاخص‌ها را وارد کنید.',
    );
    expect(round.notSubmitted.map((a) => a.id)).toEqual(['f04']);
    expect(round.withErrors.map((a) => a.id)).toEqual(['d003', 'd005', 'd007']);
    expect(round.submitted).toHaveLength(110 - 4);
    expect(round.withoutEmail).toEqual([]);
    expect(round.unattributed).toEqual([]);
  });

  it('names every blank cell of a row, not only the first, in the order of the row', async () => {
    const { raw, round } = await roundOf((w) => {
      setScore(w, 'd003', 'V', null);
      setScore(w, 'd003', 'H', '۱۲۰');
    });
    const row = tirRow(raw, 'd003') + 1;
    expect(round.reminders[0]?.items.map((i) => `${i.code} ${i.cell}`)).toEqual([
      `score.missing E${row}`,
      `score.out_of_range H${row}`,
      `score.missing V${row}`,
    ]);
  });

  it('gives an agency without an email to the digest only, and leaves inactive agencies out', async () => {
    const { round } = await roundOf((raw) => {
      const agencies = tabOf(raw, 'agencies').rows;
      const d005 = agencies.find((r) => r[0] === 'd005');
      if (d005) d005[4] = null;
      // An inactive agency with no row: nothing at all.
      const scores = tabOf(raw, 'scores');
      scores.rows = scores.rows.filter((r) => r[1] !== 'd101');
    });
    expect(round.reminders.map((r) => r.agency.id)).toEqual(['d003', 'd007', 'f04']);
    expect(round.withoutEmail.map((a) => a.id)).toEqual(['d005']);
    expect(round.withErrors.map((a) => a.id)).toEqual(['d003', 'd005', 'd007']);
    expect(JSON.stringify(round)).not.toContain('d101');
  });

  it('tells an agency that a row under a mistyped name may be its own', async () => {
    const { raw, round } = await roundOf((w) => {
      const scores = tabOf(w, 'scores');
      const f05 = scores.rows[tirRow(w, 'f05')];
      if (f05) scores.rows.push([f05[0] ?? null, 'فرماندای بدره', ...f05.slice(2)]);
    });
    const f04 = round.reminders.find((r) => r.agency.id === 'f04');
    const row = tabOf(raw, 'scores').rows.length;
    expect(f04?.items).toEqual([
      {
        code: 'score.agency_unknown',
        tab: SCORES,
        cell: `B${row}`,
        text: `در خانه B${row} ردیفی برای تیر ۱۴۰۳ با نام «فرماندای بدره» هست که در فهرست دستگاه‌ها نیست و خوانده نمی‌شود؛ اگر ردیف شماست، به‌جای آن شناسه «f04» را بنویسید.`,
      },
    ]);
    expect(f04?.notSubmitted).toBe(true);
    expect(round.unattributed).toEqual([]);
  });

  it('leaves a name that could be two agencies to the digest', async () => {
    const { round } = await roundOf((w) => {
      const scores = tabOf(w, 'scores');
      const f05 = scores.rows[tirRow(w, 'f05')];
      scores.rows = scores.rows.filter((r) => r !== f05);
      if (f05) scores.rows.push([f05[0] ?? null, 'فرمانداری', ...f05.slice(2)]);
    });
    expect(round.unattributed).toHaveLength(1);
    expect(round.unattributed[0]?.code).toBe('score.agency_unknown');
    const notSubmitted = round.reminders.filter((r) => r.notSubmitted);
    expect(notSubmitted.map((r) => r.items[0]?.code)).toEqual([
      'agency.no_submission',
      'agency.no_submission',
    ]);
  });

  it('passes any other score problem of the agency on as the problem says it, score.formula too', async () => {
    const { raw, parsed } = await roundOf();
    const formula: Problem = {
      code: 'score.formula' as ProblemCode,
      severity: 'error',
      tab: SCORES,
      cell: 'H9',
      message: 'فرمول خانه H9 مقداری ندارد؛ به‌جای فرمول عدد بنویسید.',
      month: TIR,
      agencyId: 'd008',
    };
    const round = collectReminders(
      raw,
      { ...parsed, problems: [...parsed.problems, formula] },
      TIR,
    );
    const d008 = round.reminders.find((r) => r.agency.id === 'd008');
    expect(d008?.items).toEqual([
      { code: 'score.formula', tab: SCORES, cell: 'H9', text: formula.message },
    ]);
  });

  it('leaves a second row of a complete agency to the secretary', async () => {
    const { round } = await roundOf((w) => {
      const scores = tabOf(w, 'scores');
      const d010 = scores.rows[tirRow(w, 'd010')];
      if (d010) scores.rows.push([...d010]);
    });
    expect(round.reminders.map((r) => r.agency.id)).toEqual(PLANTED_IDS);
    expect(round.submitted.map((a) => a.id)).toContain('d010');
  });

  it('matches names only when one agency is clearly closest', () => {
    const agencies = [
      { id: 'f04', name: 'فرمانداری بدره' },
      { id: 'f05', name: 'فرمانداری چرداول' },
    ];
    expect(closestAgency('فرمانداري بدره', agencies)?.id).toBe('f04');
    expect(closestAgency('بدره', agencies)).toBeNull(); // too short to trust
    expect(closestAgency('فرمانداری  چرداول ', agencies)?.id).toBe('f05');
    expect(closestAgency('f4', agencies)?.id).toBe('f04');
    expect(closestAgency('f0', agencies)).toBeNull(); // as close to f04 as to f05
    expect(closestAgency('F04 ', agencies)?.id).toBe('f04');
    expect(closestAgency('اداره کل بهزیستی', agencies)).toBeNull();
  });
});

describe('the reminder and the digest as written', () => {
  const render = createReminderRenderer();

  it('a reminder names its month, deadline and cells, and nothing of other agencies', async () => {
    const { raw, round } = await roundOf();
    const others = round.reminders.map((r) => r.agency);
    for (const reminder of round.reminders) {
      const mail = render.reminder(reminderView(reminder, TIR, context));
      for (const part of [mail.html, mail.text]) {
        expect(part).toContain('چهارشنبه ۱۰ مرداد ۱۴۰۳');
        expect(part).toContain('تیرماه ۱۴۰۳');
        expect(part).toContain('مدیر محترم روابط‌عمومی');
        expect(part).toContain('با سلام و احترام؛');
        expect(part).not.toContain('هرچه زودتر');
        expect(part).toContain(reminder.agency.name);
        for (const item of reminder.items) if (item.cell) expect(part).toContain(item.cell);
        for (const other of others.filter((o) => o.id !== reminder.agency.id)) {
          expect(part).not.toContain(other.name);
          expect(part).not.toContain(other.id);
        }
      }
      expect(mail.subject).toBe(
        'کارنامه روابط‌عمومی استان ایلام: یادآوری امتیازهای تیر ۱۴۰۳ (مهلت چهارشنبه ۱۰ مرداد ۱۴۰۳)',
      );
    }
    const d003 = render.reminder(reminderView(defined(round.reminders[0]), TIR, context)).text;
    expect(d003).toContain(`- برگه «امتیازها»، خانه E${tirRow(raw, 'd003') + 1}: امتیاز شاخص ش۳`);
    expect(d003).toContain(
      'لطفاً حداکثر تا پایان روز چهارشنبه ۱۰ مرداد ۱۴۰۳ موارد زیر را اصلاح کنید (۳\u00A0روز به پایان مهلت مانده است)؛',
    );
    expect(d003.trimEnd().split('\n').slice(-3)).toEqual([
      'با سپاس،',
      'دبیرخانه شورای اطلاع‌رسانی استان ایلام',
      'راه تماس: ۰۸۴-۳۳۳۳۰۰۰۰',
    ]);
    // Figures in Persian digits: Latin digits only in cell references and ids.
    expect(d003.replace(/\b[A-Za-z]+[0-9]+\b/g, '')).not.toMatch(/[0-9]/);
  });

  it('the digest counts and names who submitted, who did not and who has errors', async () => {
    const { round } = await roundOf();
    const mail = render.digest(digestView(round, context));
    expect(mail.subject).toBe(
      'کارنامه روابط‌عمومی استان ایلام: وضعیت ثبت امتیازهای تیر ۱۴۰۳ در ۷ مرداد ۱۴۰۳',
    );
    expect(mail.text).toContain('از ۱۱۰\u00A0دستگاه فعال:');
    expect(mail.text).toContain('- ثبت کامل و درست: ۱۰۶\u00A0دستگاه');
    expect(mail.text).toContain('- ثبت‌نشده: ۱\u00A0دستگاه');
    expect(mail.text).toContain('- ناقص یا نادرست: ۳\u00A0دستگاه');
    // One agency a line: names hold «،» and «و», so they are never joined on one line.
    expect(mail.text).toContain('ثبت‌نشده (۱\u00A0دستگاه):\n- فرمانداری بدره\n');
    expect(mail.text).toContain(
      [
        'ناقص یا نادرست (۳\u00A0دستگاه):',
        '- اداره کل راه و شهرسازی',
        '- شرکت توزیع نیروی برق',
        '- اداره کل تعاون، کار و رفاه اجتماعی',
      ].join('\n'),
    );
    const submitted = mail.text.split('ثبت کامل و درست (۱۰۶\u00A0دستگاه):\n')[1] ?? '';
    expect(submitted.trimEnd().split('\n')).toHaveLength(106);
    for (const line of submitted.trimEnd().split('\n')) expect(line).toMatch(/^- \S/);
    expect(mail.text).toContain('امروز برای ۴\u00A0دستگاه یادآوری فرستاده شد.');
    expect(mail.html).toContain('فرمانداری بدره');
  });

  it('escapes what comes from the sheet in the HTML', async () => {
    const { round } = await roundOf((raw) => {
      const row = tabOf(raw, 'agencies').rows.find((r) => r[0] === 'd003');
      if (row) row[1] = '<img src=x onerror=alert(1)>';
    });
    const mail = render.reminder(reminderView(defined(round.reminders[0]), TIR, context));
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mail.text).toContain('<img src=x onerror=alert(1)>');
  });
});
