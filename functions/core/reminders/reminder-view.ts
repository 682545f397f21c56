/**
 * What the reminder and digest templates show, every figure and list already written in
 * Persian (digits, «الف، ب و ج», the deadline as «۱۰ مرداد ۱۴۰۳»): the templates only place
 * and phrase it. Pure.
 */
import { monthName, toPersianDigits, type MonthKey } from '../jalali.ts';
import { joinList } from '../persian-text.ts';
import type {
  AgencyReminder,
  AgencyRef,
  ReminderItem,
  ReminderRound,
} from './collect-reminders.ts';
import { jalaliDayText, type JalaliDay } from './reminder-calendar.ts';

export interface ReminderContext {
  province: string;
  /** The deadline of the month, or null when none is set. */
  deadline: JalaliDay | null;
  /** Today in Tehran. */
  today: JalaliDay;
  /** Days left to the deadline (0 = today, negative = passed), or null without one. */
  daysLeft: number | null;
}

export interface ItemView {
  tab: string;
  /** `F12`, or null for a row still to be added. */
  cell: string | null;
  text: string;
}

export interface ReminderView {
  province: string;
  agencyName: string;
  agencyId: string;
  monthName: string;
  month: MonthKey;
  deadlineText: string | null;
  /** «۳ روز به پایان آن مانده است», «امروز آخرین روز آن است», «این مهلت گذشته است», or null. */
  daysLeftText: string | null;
  notSubmitted: boolean;
  items: ItemView[];
  itemCountText: string;
}

export interface DigestView {
  province: string;
  monthName: string;
  month: MonthKey;
  todayText: string;
  deadlineText: string | null;
  daysLeftText: string | null;
  activeText: string;
  submittedText: string;
  notSubmittedText: string;
  withErrorsText: string;
  remindedText: string;
  submitted: string | null;
  notSubmitted: string | null;
  withErrors: string | null;
  withoutEmail: string | null;
  hasUnattributed: boolean;
  unattributed: ItemView[];
  allDone: boolean;
}

function daysLeftText(daysLeft: number | null): string | null {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return 'این مهلت گذشته است';
  if (daysLeft === 0) return 'امروز آخرین روز آن است';
  return `${toPersianDigits(daysLeft)}\u00A0روز به پایان آن مانده است`;
}

const itemView = (item: ReminderItem): ItemView => ({
  tab: item.tab,
  cell: item.cell === '' ? null : item.cell,
  text: item.text,
});

const names = (agencies: readonly AgencyRef[]): string | null =>
  agencies.length === 0 ? null : joinList(agencies.map((a) => a.name));

const count = (n: number): string => `${toPersianDigits(n)}\u00A0دستگاه`;

export function reminderView(
  reminder: AgencyReminder,
  month: MonthKey,
  context: ReminderContext,
): ReminderView {
  return {
    province: context.province,
    agencyName: reminder.agency.name,
    agencyId: reminder.agency.id,
    monthName: monthName(month),
    month,
    deadlineText: context.deadline ? jalaliDayText(context.deadline) : null,
    daysLeftText: daysLeftText(context.daysLeft),
    notSubmitted: reminder.notSubmitted,
    items: reminder.items.map(itemView),
    itemCountText: `${toPersianDigits(reminder.items.length)}\u00A0مورد`,
  };
}

export function digestView(round: ReminderRound, context: ReminderContext): DigestView {
  const active = round.submitted.length + round.notSubmitted.length + round.withErrors.length;
  return {
    province: context.province,
    monthName: monthName(round.month),
    month: round.month,
    todayText: jalaliDayText(context.today),
    deadlineText: context.deadline ? jalaliDayText(context.deadline) : null,
    daysLeftText: daysLeftText(context.daysLeft),
    activeText: count(active),
    submittedText: count(round.submitted.length),
    notSubmittedText: count(round.notSubmitted.length),
    withErrorsText: count(round.withErrors.length),
    remindedText: count(round.reminders.length),
    submitted: names(round.submitted),
    notSubmitted: names(round.notSubmitted),
    withErrors: names(round.withErrors),
    withoutEmail: names(round.withoutEmail),
    hasUnattributed: round.unattributed.length > 0,
    unattributed: round.unattributed.map(itemView),
    allDone: round.notSubmitted.length === 0 && round.withErrors.length === 0,
  };
}
