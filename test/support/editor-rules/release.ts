// The desk editor's "rules a program can check" (editor-review-2.md §3) that apply to the release, as a program.
import { FIGURE_RULES } from './release-figures.ts';
import { FORM_RULES } from './release-form.ts';
import type { Rule } from './release-read.ts';

export { readRelease, type ReadRelease, type Rule } from './release-read.ts';

/**
 * The rules of editor-review-2.md §3 that apply to the release and that docs/texts.md
 * does not overrule (the note of issue 20 lists those set aside and why).
 */
export const RULES: Rule[] = [...FIGURE_RULES, ...FORM_RULES];
