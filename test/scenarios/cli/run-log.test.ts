/**
 * What a real run of the example says on the terminal: the release and the cards counted in
 * the summary line rather than 113 lines (`--verbose` lists them: terminal.test.ts); the
 * functions' JSON log keeps a DEBUG line per card.
 */
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../functions/adapters/logger.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

describe('the log of a run that sends', () => {
  it('counts the release recipients and the cards in one line', async () => {
    const box = await scratch();
    const run = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-04',
      '--outbox',
      box.outbox,
    ]);
    await box.cleanup();
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines.filter((l) => / (release|card) (to|for) /.test(l))).toEqual([]);
    expect(run.stderr).toContain(
      'release written as .eml for 3 recipient(s); cards written as .eml for 110 agencies',
    );
  });

  it('keeps a line per card in the JSON log, as DEBUG', () => {
    const lines: string[] = [];
    const log = createJsonLogger((line) => lines.push(line));
    log.detail?.('sent card to pr.d002@example.org', { runId: 'r-1' });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      severity: 'DEBUG',
      message: 'sent card to pr.d002@example.org',
      runId: 'r-1',
    });
  });
});
