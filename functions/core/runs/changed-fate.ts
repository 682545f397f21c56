// What `run.data_changed` says becomes of a month's changed release and cards in this run, in Persian, each true in its case.

/**
 * What becomes of the month's changed messages in this run, for the words of
 * `run.data_changed` (each true in its case): `held` (not sent again; --force sends a
 * correction), `held-dry` (the same, said of a real run by a dry run), `sending` (--force:
 * this run sends the correction), `preview` (--force --dry-run: the same command without
 * --dry-run sends it), `blocked` (the run stops for another reason and sends nothing).
 */
export type ChangedFate = 'held' | 'held-dry' | 'sending' | 'preview' | 'blocked';

const AGAIN_WITH_FORCE = 'برای فرستادن اصلاحیه، اجرا را با --force (یا force) تکرار کنید.';

/** What the release's `run.data_changed` says will become of it, in each case. */
export const RELEASE_FATE: Record<ChangedFate, string> = {
  held: `برگهٔ نتایج به‌روز شد ولی خبر دوباره فرستاده نمی‌شود. ${AGAIN_WITH_FORCE}`,
  'held-dry': `اجرای واقعی برگهٔ نتایج را به‌روز می‌کند ولی خبر را دوباره نمی‌فرستد. ${AGAIN_WITH_FORCE}`,
  sending: 'این اجرا (--force) برگهٔ نتایج را به‌روز می‌کند و اصلاحیهٔ خبر را می‌فرستد.',
  preview:
    'این اجرای آزمایشی چیزی نمی‌نویسد و نمی‌فرستد؛ همین فرمان بدون --dry-run اصلاحیهٔ خبر را می‌فرستد.',
  blocked:
    'این اجرا به سبب خطای دیگری (در همین برگه) متوقف شد و چیزی نفرستاد؛ پس از رفع آن، اجرا با --force (یا force) اصلاحیه را می‌فرستد.',
};

/** What the cards' `run.data_changed` says will become of them, in each case. */
export const CARDS_FATE: Record<ChangedFate, string> = {
  held: 'این کارنامه‌ها دوباره فرستاده نمی‌شوند مگر با --force (اصلاحیه).',
  'held-dry': 'این کارنامه‌ها دوباره فرستاده نمی‌شوند مگر با --force (اصلاحیه).',
  sending: 'این اجرا (--force) آنها را با عنوان اصلاحیه دوباره می‌فرستد.',
  preview:
    'این اجرای آزمایشی چیزی نمی‌فرستد؛ همین فرمان بدون --dry-run آنها را با عنوان اصلاحیه دوباره می‌فرستد.',
  blocked:
    'این اجرا به سبب خطای دیگری (در همین برگه) متوقف شد و آنها را نفرستاد؛ پس از رفع آن، اجرا با --force آنها را با عنوان اصلاحیه می‌فرستد.',
};
