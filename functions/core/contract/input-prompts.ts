/** What a workbook's cells say while they are filled in (data validation prompts), in Persian: the same on a Sheet and in an .xlsx. */
import { faNumber } from './messages/wording.ts';

/** A score cell: a number from 0 to the indicator's maximum. */
export const scorePrompt = (max: number): string => `عددی از ۰ تا ${faNumber(max)}`;

/** The title of a score cell's prompt, and of its warning when out of range (.xlsx). */
export const SCORE_PROMPT_TITLE = 'امتیاز';
export const OUT_OF_RANGE_TITLE = 'بیرون از بازه';

/** A month cell of the scores tab. */
export const MONTH_PROMPT = 'ماه به شکل ۱۴۰۳-۰۴ یا تیر ۱۴۰۳';

/** An agency cell of the scores tab. */
export const AGENCY_PROMPT = 'شناسهٔ دستگاه از برگهٔ دستگاه‌ها';
