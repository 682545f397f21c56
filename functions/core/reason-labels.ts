import type { ProblemCode } from './problems.ts';

/** Why an agency was not evaluated, in a few Persian words (results tab, release, CSV). */
export const REASON_LABELS: Partial<Record<ProblemCode, string>> = {
  'agency.no_submission': 'فرم این ماه را ثبت نکرده است',
  'score.missing': 'همه شاخص‌ها را تکمیل نکرده است',
  'score.not_number': 'امتیازی نادرست (غیرعددی) ثبت کرده است',
  'score.out_of_range': 'امتیازی بیرون از بازه مجاز ثبت کرده است',
  'score.duplicate': 'بیش از یک ردیف برای این ماه ثبت کرده است',
};

export function reasonLabel(code: string): string {
  return REASON_LABELS[code as ProblemCode] ?? 'اطلاعاتش کامل نیست';
}
