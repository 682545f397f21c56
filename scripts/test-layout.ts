// Where each test file lives (issue 21, item 5): the table scripts/sort-tests.ts applies, and the mirror rule a test checks.
/*
 * A unit test sits at test/<source path without functions/>/<name>.test.ts, several for one
 * source as <name>.<aspect>.test.ts; tests of scripts/, bench/ and bin/ mirror those folders,
 * tests of the test scaffolding mirror test/support/. A scenario (real processes, real SMTP
 * runs, Chromium, both stores, the command line or the functions driven end to end) sits
 * under test/scenarios/<topic>/. Scaffolding goes to test/support/, data to test/fixtures/.
 * The table was drafted by `sort-tests.ts --suggest` (imports, spawn, smtp-server,
 * playwright) and then corrected by hand; a test's subject decides, not its helpers.
 */

/** Old path → new path, both from the repository root. */
export const TEST_MOVES: Readonly<Record<string, string>> = {
  // core: pure, what `npm run test:core` runs
  'test/core/agency-id-changed.test.ts':
    'test/core/contract/parse-scores.agency-id-changed.test.ts',
  'test/core/agency-scores.test.ts': 'test/core/figures/agency-scores.test.ts',
  'test/core/band-shares.test.ts': 'test/core/figures/band-shares.test.ts',
  'test/core/cell-values.test.ts': 'test/core/contract/cell-values.test.ts',
  'test/core/compute-summary-standing.test.ts':
    'test/core/figures/compute-summary.standing.test.ts',
  'test/core/compute-summary.test.ts': 'test/core/figures/compute-summary.test.ts',
  'test/core/decimal.test.ts': 'test/core/language/decimal.test.ts',
  'test/core/jalali.test.ts': 'test/core/language/jalali.test.ts',
  'test/core/merged-cells.test.ts': 'test/core/contract/merged-cells.test.ts',
  'test/core/normalize.test.ts': 'test/core/language/normalize.test.ts',
  'test/core/nothing-silent.test.ts': 'test/core/contract/parse-workbook.nothing-silent.test.ts',
  'test/core/number-words.test.ts': 'test/core/language/number-words.test.ts',
  'test/core/parse-agencies.test.ts': 'test/core/contract/parse-agencies.test.ts',
  'test/core/parse-bands.test.ts': 'test/core/contract/parse-bands.test.ts',
  'test/core/parse-indicators.test.ts': 'test/core/contract/parse-indicators.test.ts',
  'test/core/parse-recipients.test.ts': 'test/core/contract/parse-recipients.test.ts',
  'test/core/parse-scores.test.ts': 'test/core/contract/parse-scores.test.ts',
  'test/core/parse-settings.test.ts': 'test/core/contract/parse-settings.test.ts',
  'test/core/parse-workbook.test.ts': 'test/core/contract/parse-workbook.test.ts',
  'test/core/ranking.test.ts': 'test/core/figures/ranking.test.ts',
  'test/core/reminder-settings.test.ts': 'test/core/contract/reminder-settings.test.ts',
  'test/core/results-tab.test.ts': 'test/core/runs/results-tab.test.ts',
  'test/core/runs-log.test.ts': 'test/core/contract/runs-log.test.ts',
  'test/core/agency-name-mismatch.test.ts':
    'test/core/contract/parse-scores.agency-mismatch.test.ts',
  'test/journal/journal-fold.test.ts': 'test/core/runs/delivery-journal.test.ts',
  'test/reminders/reminder-calendar.test.ts': 'test/core/runs/reminder-calendar.test.ts',
  'test/reminders/reminder-runs.test.ts': 'test/core/runs/run-claims.test.ts',
  'test/reminders/collect-reminders.test.ts': 'test/core/reminders/collect-reminders.test.ts',
  'test/release/persian-text.test.ts': 'test/core/language/persian-text.test.ts',
  'test/release/results-csv.test.ts': 'test/core/release/results-csv.test.ts',
  'test/release/release-statements.test.ts': 'test/core/release/release-view.test.ts',
  'test/cards/card-not-evaluated.test.ts': 'test/core/cards/card-not-evaluated.test.ts',
  'test/cards/card-statements.test.ts': 'test/core/cards/card-text.test.ts',
  'test/cards/cards-to-send.test.ts': 'test/core/cards/cards-to-send.test.ts',
  'test/infographic/infographic-svg.test.ts': 'test/core/infographic/infographic-svg.test.ts',
  'test/site/site-pages.test.ts': 'test/core/site/build-site.test.ts',
  'test/site/site-privacy.test.ts': 'test/core/site/build-site.privacy.test.ts',
  // adapters
  'test/adapters/guard-plan.test.ts': 'test/adapters/google-sheets/guard-plan.test.ts',
  'test/adapters/sheets-faults.test.ts': 'test/adapters/google-sheets/retry.test.ts',
  'test/adapters/sheets-google-edges.test.ts':
    'test/adapters/google-sheets/sheets-store.google-edges.test.ts',
  'test/adapters/sheets-init.test.ts': 'test/adapters/google-sheets/sheets-store.init.test.ts',
  'test/adapters/sheets-read.test.ts': 'test/adapters/google-sheets/sheets-store.read.test.ts',
  'test/adapters/sheets-runs-answer.test.ts': 'test/adapters/google-sheets/runs-answer.test.ts',
  'test/adapters/sheets-write-marker.test.ts': 'test/adapters/google-sheets/write-marker.test.ts',
  'test/adapters/sheets-write-plan.test.ts': 'test/adapters/google-sheets/write-plan.test.ts',
  'test/adapters/sheets-write.test.ts': 'test/adapters/google-sheets/sheets-store.write.test.ts',
  'test/adapters/smtp-pacer.test.ts': 'test/adapters/mail/transports/pacer.test.ts',
  'test/adapters/xlsx-file-lock.test.ts': 'test/adapters/xlsx/file-lock.test.ts',
  'test/adapters/xlsx-parts.test.ts': 'test/adapters/xlsx/xlsx-store.parts.test.ts',
  'test/adapters/xlsx-safety.test.ts': 'test/adapters/xlsx/xlsx-store.safety.test.ts',
  'test/adapters/xlsx-store.test.ts': 'test/adapters/xlsx/xlsx-store.test.ts',
  'test/adapters/xlsx-writers.test.ts': 'test/adapters/xlsx/xlsx-store.other-writers.test.ts',
  'test/adapters/xlsx-xstring.test.ts': 'test/adapters/xlsx/xstring.test.ts',
  'test/adapters/xml-events.test.ts': 'test/adapters/xlsx/xml-events.test.ts',
  'test/cards/card-preview.test.ts': 'test/adapters/mail/previews/preview-writer.cards.test.ts',
  'test/mail/mail-options.test.ts': 'test/adapters/mail/transports/mail-options.test.ts',
  'test/mail/template-cache.test.ts': 'test/adapters/mail/templates/template-cache.test.ts',
  'test/release/render-release.test.ts': 'test/adapters/mail/templates/render-release.test.ts',
  'test/release/email-lint.test.ts':
    'test/adapters/mail/templates/render-release.email-lint.test.ts',
  'test/infographic/infographic-mail.test.ts':
    'test/adapters/mail/templates/render-release.infographic.test.ts',
  'test/reminders/reminder-email-lint.test.ts':
    'test/adapters/mail/templates/render-reminder.email-lint.test.ts',
  'test/reminders/reminder-preview-writer.test.ts':
    'test/adapters/mail/previews/reminder-preview-writer.test.ts',
  'test/site/site-bucket.test.ts': 'test/adapters/site/bucket-site.test.ts',
  // use cases, the HTTP functions, configuration, scripts
  'test/use-cases/delivery-ledger.test.ts': 'test/use-cases/delivery-ledger/ledger.test.ts',
  'test/use-cases/delivery-ledger-carry.test.ts':
    'test/use-cases/delivery-ledger/ledger.carry.test.ts',
  'test/use-cases/run-month-steps.test.ts': 'test/use-cases/run-month.steps.test.ts',
  'test/site/site-concurrent.test.ts': 'test/use-cases/publish-site.test.ts',
  'test/functions/config.test.ts': 'test/compose/settings.test.ts',
  'test/functions/index.test.ts': 'test/index.test.ts',
  'test/functions/malformed-body.test.ts': 'test/http/body-errors.test.ts',
  'test/functions/monthly-run.test.ts': 'test/http/monthly-run.test.ts',
  'test/functions/definition-errors.test.ts': 'test/http/monthly-run.definition-errors.test.ts',
  'test/functions/watch-sheet.test.ts': 'test/http/watch-handler.test.ts',
  'test/functions/watch-xlsx-lock.test.ts': 'test/http/watch-handler.xlsx-lock.test.ts',
  'test/functions/deploy.test.ts': 'test/scripts/deploy.test.ts',
  'test/functions/functions-local.test.ts': 'test/scripts/functions-local.test.ts',
  'test/example/example-design.test.ts': 'test/scripts/make-example.test.ts',
  'test/example/large-workbook.test.ts': 'test/bench/large-workbook.test.ts',
  // tests of the test scaffolding itself
  'test/adapters/sheets-stand-in.test.ts': 'test/support/sheets-stand-in.test.ts',
  'test/adapters/sheets-stand-in-google.test.ts': 'test/support/sheets-stand-in.google.test.ts',
  'test/adapters/stand-in-protection.test.ts': 'test/support/stand-in-protection.test.ts',
  // scenarios
  'test/cli/bad-input.test.ts': 'test/scenarios/cli/bad-input.test.ts',
  'test/cli/cli-edges.test.ts': 'test/scenarios/cli/edges.test.ts',
  'test/cli/close-xlsx.test.ts': 'test/scenarios/cli/close-xlsx.test.ts',
  'test/cli/example-figures.test.ts': 'test/scenarios/cli/example-figures.test.ts',
  'test/cli/issue-19-cli.test.ts': 'test/scenarios/cli/issue-19.test.ts',
  'test/cli/open-xlsx.test.ts': 'test/scenarios/cli/open-xlsx.test.ts',
  'test/cli/run-in-progress.test.ts': 'test/scenarios/cli/run-in-progress.test.ts',
  'test/cli/run-log.test.ts': 'test/scenarios/cli/run-log.test.ts',
  'test/cli/run-writes.test.ts': 'test/scenarios/cli/run-writes.test.ts',
  'test/cli/runs-header.test.ts': 'test/scenarios/cli/runs-header.test.ts',
  'test/cli/terminal.test.ts': 'test/scenarios/cli/terminal.test.ts',
  'test/cli/terminal-lines.test.ts': 'test/scenarios/cli/terminal-lines.test.ts',
  'test/cli/watch.test.ts': 'test/scenarios/cli/watch.test.ts',
  'test/site/site-cli.test.ts': 'test/scenarios/cli/site.test.ts',
  'test/cli/cli-bundle.test.ts': 'test/scenarios/launch/cli-bundle.test.ts',
  'test/cli/compile-cache.test.ts': 'test/scenarios/launch/compile-cache.test.ts',
  'test/cli/entry-choice.test.ts': 'test/scenarios/launch/entry-choice.test.ts',
  'test/cli/npm-run.test.ts': 'test/scenarios/launch/npm-run.test.ts',
  'test/cli/sheets-calls.test.ts': 'test/scenarios/sheets/calls.test.ts',
  'test/cli/sheets-credentials.test.ts': 'test/scenarios/sheets/credentials.test.ts',
  'test/cli/sheets-example.test.ts': 'test/scenarios/sheets/example.test.ts',
  'test/cli/sheets-faults.test.ts': 'test/scenarios/sheets/faults.test.ts',
  'test/cli/sheets-init.test.ts': 'test/scenarios/sheets/init.test.ts',
  'test/cli/sheets-names.test.ts': 'test/scenarios/sheets/names.test.ts',
  'test/contract/guard-sheets.test.ts': 'test/scenarios/sheets/guard.test.ts',
  'test/contract/open-sheets.test.ts': 'test/scenarios/sheets/open.test.ts',
  'test/contract/sheets-cards-claims.test.ts': 'test/scenarios/sheets/cards-claims.test.ts',
  'test/contract/sheets-claims.test.ts': 'test/scenarios/sheets/claims.test.ts',
  'test/functions/card-cost.test.ts': 'test/scenarios/sheets/card-cost.test.ts',
  'test/contract/stores.test.ts': 'test/scenarios/stores/stores.test.ts',
  'test/contract/hostile.test.ts': 'test/scenarios/stores/hostile.test.ts',
  'test/contract/sheets-retry.test.ts': 'test/scenarios/stores/sheets-retry.test.ts',
  'test/contract/entry-kill.test.ts': 'test/scenarios/exactly-once/entry-kill.test.ts',
  'test/functions/crash.test.ts': 'test/scenarios/exactly-once/crash.test.ts',
  'test/journal/functions-sigterm.test.ts': 'test/scenarios/exactly-once/functions-sigterm.test.ts',
  'test/journal/journal-edges.test.ts': 'test/scenarios/exactly-once/journal-edges.test.ts',
  'test/journal/journal-gate.test.ts': 'test/scenarios/exactly-once/journal-gate.test.ts',
  'test/journal/kill-loop.test.ts': 'test/scenarios/exactly-once/kill-loop.test.ts',
  'test/journal/unwritten-record.test.ts': 'test/scenarios/exactly-once/unwritten-record.test.ts',
  'test/mail/exactly-once.test.ts': 'test/scenarios/exactly-once/exactly-once.test.ts',
  'test/mail/interrupted-run.test.ts': 'test/scenarios/exactly-once/interrupted-run.test.ts',
  'test/reminders/remind-exactly-once.test.ts': 'test/scenarios/exactly-once/remind.test.ts',
  'test/cli/mail-test.test.ts': 'test/scenarios/smtp/mail-test.test.ts',
  'test/journal/smtp-rate.test.ts': 'test/scenarios/smtp/smtp-rate.test.ts',
  'test/mail/agency-cards.test.ts': 'test/scenarios/smtp/agency-cards.test.ts',
  'test/mail/content-hash-gate.test.ts': 'test/scenarios/smtp/content-hash-gate.test.ts',
  'test/mail/outputs-erased-by-save.test.ts': 'test/scenarios/smtp/outputs-erased-by-save.test.ts',
  'test/mail/runs-tab-found.test.ts': 'test/scenarios/smtp/runs-tab-found.test.ts',
  'test/mail/sheets-runs-tab-found.test.ts': 'test/scenarios/smtp/sheets-runs-tab-found.test.ts',
  'test/mail/sibling-outputs.test.ts': 'test/scenarios/smtp/sibling-outputs.test.ts',
  'test/mail/smtp-delivery.test.ts': 'test/scenarios/smtp/smtp-delivery.test.ts',
  'test/mail/smtp-escaping.test.ts': 'test/scenarios/smtp/smtp-escaping.test.ts',
  'test/reminders/remind-cli.test.ts': 'test/scenarios/smtp/remind.test.ts',
  'test/reminders/watch-reminders.test.ts': 'test/scenarios/functions/watch-reminders.test.ts',
  'test/cards/card-chromium.test.ts': 'test/scenarios/chromium/card.test.ts',
  'test/infographic/infographic-chromium.test.ts': 'test/scenarios/chromium/infographic.test.ts',
  'test/release/release-chromium.test.ts': 'test/scenarios/chromium/release.test.ts',
  'test/reminders/reminder-chromium.test.ts': 'test/scenarios/chromium/reminder.test.ts',
  'test/site/site-chromium.test.ts': 'test/scenarios/chromium/site.test.ts',
  'test/cards/card-privacy.test.ts': 'test/scenarios/example/card-privacy.test.ts',
  'test/release/example-releases.test.ts': 'test/scenarios/example/releases.test.ts',
  'test/cards/card-rules.test.ts': 'test/scenarios/editor-rules/cards.test.ts',
  'test/cards/second-province.test.ts': 'test/scenarios/editor-rules/second-province-cards.test.ts',
  'test/release/editor-rules.test.ts': 'test/scenarios/editor-rules/release.test.ts',
  'test/release/second-province.test.ts':
    'test/scenarios/editor-rules/second-province-release.test.ts',
  'test/reminders/reminder-rules.test.ts': 'test/scenarios/editor-rules/reminders.test.ts',
  'test/docs/deploy-guide.test.ts': 'test/scenarios/docs/deploy-guide.test.ts',
  'test/docs/links.test.ts': 'test/scenarios/docs/links.test.ts',
  'test/docs/office-pc-commands.test.ts': 'test/scenarios/docs/office-pc-commands.test.ts',
  'test/docs/quick-start-commands.test.ts': 'test/scenarios/docs/quick-start-commands.test.ts',
  'test/docs/reference-links.test.ts': 'test/scenarios/docs/reference-links.test.ts',
  'test/architecture/layer-rule.test.ts': 'test/scenarios/architecture/layer-rule.test.ts',
  // scaffolding
  'test/docs/gcloud-commands.ts': 'test/support/docs/gcloud-commands.ts',
  'test/docs/page-commands.ts': 'test/support/docs/page-commands.ts',
  'test/docs/page-runs.ts': 'test/support/docs/page-runs.ts',
  'test/docs/reference-links.ts': 'test/support/docs/reference-links.ts',
  'test/docs/sandbox.ts': 'test/support/docs/sandbox.ts',
  'test/adapters/xlsx-fixtures.ts': 'test/support/xlsx-fixtures.ts',
  'test/cards/card-fixtures.ts': 'test/support/card-fixtures.ts',
  'test/cards/editor-rules.ts': 'test/support/editor-rules/cards.ts',
  'test/cards/second-province.ts': 'test/support/second-province/cards.ts',
  'test/cli/cli-harness.ts': 'test/support/cli-harness.ts',
  'test/contract/contract-stores.ts': 'test/support/contract-stores.ts',
  'test/contract/contract-workbook.ts': 'test/support/contract-workbook.ts',
  'test/contract/sheets-cli.ts': 'test/support/sheets-cli.ts',
  'test/contract/stand-in-month.ts': 'test/support/stand-in-month.ts',
  'test/core/compute-summary.fixtures.ts': 'test/support/compute-summary-fixtures.ts',
  'test/core/fixtures.ts': 'test/support/raw-workbooks.ts',
  'test/core/parse-helpers.ts': 'test/support/parse-helpers.ts',
  'test/functions/harness.ts': 'test/support/functions-harness.ts',
  'test/functions/smtp-catcher.ts': 'test/support/smtp-catcher.ts',
  'test/infographic/example-input.ts': 'test/support/example-release-input.ts',
  'test/infographic/svg-parts.ts': 'test/support/svg-parts.ts',
  'test/mail/mail-fixtures.ts': 'test/support/mail-fixtures.ts',
  'test/release/editor-rules.ts': 'test/support/editor-rules/release.ts',
  'test/release/editor-rules-figures.ts': 'test/support/editor-rules/release-figures.ts',
  'test/release/editor-rules-form.ts': 'test/support/editor-rules/release-form.ts',
  'test/release/editor-rules-read.ts': 'test/support/editor-rules/release-read.ts',
  'test/release/fixtures.ts': 'test/support/release-fixtures.ts',
  'test/release/second-province.ts': 'test/support/second-province/workbook.ts',
  'test/release/second-province-data.ts': 'test/support/second-province/data.ts',
  'test/release/second-province-months.ts': 'test/support/second-province/months.ts',
  'test/release/three-groups.ts': 'test/support/three-groups.ts',
  'test/reminders/reminder-fixtures.ts': 'test/support/reminder-fixtures.ts',
  'test/reminders/reminder-mail-fixtures.ts': 'test/support/reminder-mail-fixtures.ts',
  'test/site/page-tables.ts': 'test/support/page-tables.ts',
  'test/site/site-fixtures.ts': 'test/support/site-fixtures.ts',
  'test/use-cases/ledger-fixtures.ts': 'test/support/ledger-fixtures.ts',
};

/** Top folders of test/ that mirror a folder outside functions/ (tests of scripts, benchmarks, the launcher, the scaffolding). */
const MIRRORED_ROOTS: Readonly<Record<string, string>> = {
  scripts: 'scripts',
  bench: 'bench',
  bin: 'bin',
  support: 'test/support',
};

/**
 * The source files a unit test may mirror (`test/core/language/jalali.test.ts` →
 * `functions/core/language/jalali.ts`; `x.aspect.test.ts` → `x.ts` or `x.aspect.ts`), or
 * null for a scenario or a file that is not a test.
 */
export function mirroredSources(testPath: string): string[] | null {
  const match = /^test\/(.+)\.test\.ts$/.exec(testPath);
  if (!match?.[1] || match[1].startsWith('scenarios/')) return null;
  const path = match[1];
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const top = folder.split('/')[0] ?? '';
  const base = MIRRORED_ROOTS[top]
    ? [MIRRORED_ROOTS[top], ...folder.split('/').slice(1)].join('/')
    : ['functions', folder].filter(Boolean).join('/');
  const dots = name.split('.');
  const names = dots.map((_, i) => dots.slice(0, i + 1).join('.'));
  return names.map((n) => `${base}/${n}`).flatMap((p) => [`${p}.ts`, `${p}.js`]);
}
