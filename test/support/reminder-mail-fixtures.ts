/** The reminder and digest as rendered for the look tests: long names, several cells, a stray row. */
import { createReminderRenderer } from '../../functions/adapters/mail/templates/render-reminder.ts';
import { parseWorkbook } from '../../functions/core/contract/parse-workbook.ts';
import { collectReminders } from '../../functions/core/reminders/collect-reminders.ts';
import { digestView, reminderView } from '../../functions/core/reminders/reminder-view.ts';
import type { RenderedMail } from '../../functions/ports.ts';
import { TIR, reminderWorkbook, setScore, tabOf, tirRow } from './reminder-fixtures.ts';

export interface LookMails {
  reminder: RenderedMail;
  /** The reminder of an agency with no row (its item has no cell). */
  noRow: RenderedMail;
  digest: RenderedMail;
}

export async function lookMails(): Promise<LookMails> {
  const raw = await reminderWorkbook();
  setScore(raw, 'd003', 'H', '۱۲۰');
  setScore(raw, 'd003', 'V', null);
  const agency = tabOf(raw, 'agencies').rows.find((r) => r[0] === 'd003');
  if (agency) agency[1] = 'اداره کل راه و شهرسازی و حمل‌ونقل جاده‌ای و امور زیربنایی استان ایلام';
  const scores = tabOf(raw, 'scores');
  const stray = scores.rows[tirRow(raw, 'f05')];
  if (stray) scores.rows.push([stray[0] ?? null, 'دفتر ناشناخته', ...stray.slice(2)]);
  const parsed = parseWorkbook(raw, { month: TIR });
  const round = collectReminders(raw, parsed, TIR);
  const context = {
    province: 'ایلام',
    deadline: { year: 1403, month: 5, day: 10 },
    today: { year: 1403, month: 5, day: 7 },
    daysLeft: 3,
    secretariat: 'دبیرخانه شورای اطلاع‌رسانی استان ایلام',
    contact: '۰۸۴-۳۳۳۳۰۰۰۰',
  };
  const render = createReminderRenderer();
  const of = (id: string) => {
    const reminder = round.reminders.find((r) => r.agency.id === id);
    if (!reminder) throw new Error(`no reminder for ${id}`);
    return render.reminder(reminderView(reminder, TIR, context));
  };
  return {
    reminder: of('d003'),
    noRow: of('f04'),
    digest: render.digest(digestView(round, context)),
  };
}
