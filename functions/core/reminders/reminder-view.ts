/**
 * What the reminder and digest templates show, every figure and list already written in
 * Persian (digits, «الف، ب و ج», the deadline as «۱۰ مرداد ۱۴۰۳»): the templates only place
 * and phrase it. Pure.
 */
import { monthName, splitMonth, toPersianDigits, type MonthKey } from '../language/jalali.ts';
import { pressMonth } from '../language/persian-text.ts';
import type {
  AgencyReminder,
  AgencyRef,
  ReminderItem,
  ReminderRound,
} from './collect-reminders.ts';
import { jalaliDayText, jalaliDayWithWeekday, type JalaliDay } from '../runs/reminder-calendar.ts';

export interface ReminderContext {
  province: string;
  /** The deadline of the month, or null when none is set. */
  deadline: JalaliDay | null;
  /** Today in Tehran. */
  today: JalaliDay;
  /** Days left to the deadline (0 = today, negative = passed), or null without one. */
  daysLeft: number | null;
  /** Who signs (the `secretariat` setting or its default) and how to reach it (`contact`). */
  secretariat: string;
  contact: string | null;
}

/** The signature of a reminder or digest. */
interface Signature {
  secretariat: string;
  hasContact: boolean;
  contact: string;
  /** No Persian letters in it (an address, Latin digits): shown left to right. */
  contactLatin: boolean;
}

interface ItemView {
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
  /** «تیرماه ۱۴۰۳». */
  monthText: string;
  month: MonthKey;
  /** The deadline with its weekday: «شنبه ۶ مرداد ۱۴۰۳». */
  deadlineText: string | null;
  deadlinePassed: boolean;
  deadlineToday: boolean;
  /** «۳ روز به پایان آن مانده است», «امروز آخرین روز آن است», «این مهلت گذشته است», or null. */
  daysLeftText: string | null;
  todayText: string;
  signature: Signature;
  notSubmitted: boolean;
  items: ItemView[];
  itemCountText: string;
}

export interface DigestView {
  province: string;
  monthName: string;
  monthText: string;
  month: MonthKey;
  todayText: string;
  deadlineText: string | null;
  daysLeftText: string | null;
  signature: Signature;
  activeText: string;
  submittedText: string;
  notSubmittedText: string;
  withErrorsText: string;
  remindedText: string;
  /** Anybody reminded this round (else the digest says that nobody needed one). */
  hasReminded: boolean;
  /** One agency a line (names may hold «،» and «و»): never joined into one line. */
  submitted: string[];
  notSubmitted: string[];
  withErrors: string[];
  withoutEmail: string[];
  hasSubmitted: boolean;
  hasNotSubmitted: boolean;
  hasWithErrors: boolean;
  hasWithoutEmail: boolean;
  hasUnattributed: boolean;
  unattributed: ItemView[];
  allDone: boolean;
}

function daysLeftText(daysLeft: number | null): string | null {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return 'این مهلت گذشته است';
  if (daysLeft === 0) return 'امروز آخرین روز مهلت است';
  return `${toPersianDigits(daysLeft)}\u00A0روز به پایان مهلت مانده است`;
}

const itemView = (item: ReminderItem): ItemView => ({
  tab: item.tab,
  cell: item.cell === '' ? null : item.cell,
  text: item.text,
});

const names = (agencies: readonly AgencyRef[]): string[] => agencies.map((a) => a.name);

const signatureOf = (context: ReminderContext): Signature => ({
  secretariat: context.secretariat,
  hasContact: context.contact !== null,
  contact: context.contact ?? '',
  contactLatin: context.contact !== null && !/[\u0600-\u06FF]/.test(context.contact),
});

/** «تیرماه ۱۴۰۳». */
const monthText = (month: MonthKey): string =>
  `${pressMonth(month, month)} ${toPersianDigits(splitMonth(month).year)}`;

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
    monthText: monthText(month),
    month,
    deadlineText: context.deadline ? jalaliDayWithWeekday(context.deadline) : null,
    deadlinePassed: context.daysLeft !== null && context.daysLeft < 0,
    deadlineToday: context.daysLeft === 0,
    daysLeftText: daysLeftText(context.daysLeft),
    todayText: jalaliDayText(context.today),
    signature: signatureOf(context),
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
    monthText: monthText(round.month),
    month: round.month,
    todayText: jalaliDayText(context.today),
    deadlineText: context.deadline ? jalaliDayWithWeekday(context.deadline) : null,
    daysLeftText: daysLeftText(context.daysLeft),
    signature: signatureOf(context),
    activeText: count(active),
    submittedText: count(round.submitted.length),
    notSubmittedText: count(round.notSubmitted.length),
    withErrorsText: count(round.withErrors.length),
    remindedText: count(round.reminders.length),
    hasReminded: round.reminders.length > 0,
    submitted: names(round.submitted),
    notSubmitted: names(round.notSubmitted),
    withErrors: names(round.withErrors),
    withoutEmail: names(round.withoutEmail),
    hasSubmitted: round.submitted.length > 0,
    hasNotSubmitted: round.notSubmitted.length > 0,
    hasWithErrors: round.withErrors.length > 0,
    hasWithoutEmail: round.withoutEmail.length > 0,
    hasUnattributed: round.unattributed.length > 0,
    unattributed: round.unattributed.map(itemView),
    allDone: round.notSubmitted.length === 0 && round.withErrors.length === 0,
  };
}
