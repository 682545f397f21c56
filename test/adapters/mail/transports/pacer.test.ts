/**
 * SMTP_RATE (issue 12): the pacer spaces message starts 1000/rate ms apart, tested with an
 * injected clock (no timed assertions); and the SMTP mailer, given a rate and that clock,
 * waits before each message but the first, on one pooled connection to a real server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPacer,
  type PacerClock,
} from '../../../../functions/adapters/mail/transports/pacer.ts';
import { readSettings } from '../../../../functions/compose/settings.ts';
import { createSmtpMailer } from '../../../../functions/adapters/mail/transports/smtp-mailer.ts';
import { isKarnamehError } from '../../../../functions/core/contract/errors.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp-server.ts';

/** A clock that only moves when slept on (or told to), recording every sleep. */
function fakeClock(): PacerClock & { sleeps: number[]; advance: (ms: number) => void } {
  let now = 1_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the pacer', () => {
  it('lets the first message go at once and spaces the next ones 1000/rate ms apart', async () => {
    const clock = fakeClock();
    const pacer = createPacer(4, clock);
    for (let i = 0; i < 4; i++) await pacer.wait();
    expect(clock.sleeps).toEqual([250, 250, 250]);
  });

  it('waits only for what is left of the gap when sending took time', async () => {
    const clock = fakeClock();
    const pacer = createPacer(2, clock);
    await pacer.wait();
    clock.advance(300); // the message took 300 ms
    await pacer.wait();
    clock.advance(900); // longer than the gap: no wait
    await pacer.wait();
    expect(clock.sleeps).toEqual([200]);
  });

  it('never waits without a rate; a fractional rate spaces by seconds', async () => {
    const none = fakeClock();
    const unpaced = createPacer(undefined, none);
    for (let i = 0; i < 3; i++) await unpaced.wait();
    expect(none.sleeps).toEqual([]);
    const slow = fakeClock();
    const half = createPacer(0.5, slow);
    await half.wait();
    await half.wait();
    expect(slow.sleeps).toEqual([2000]);
  });

  it('reads SMTP_RATE: blank is no pace; words, 0 and negatives are config errors', () => {
    const parseSmtpRate = (SMTP_RATE: string | undefined) =>
      readSettings({ shell: 'cli', env: { SMTP_RATE } }).smtpRate;
    expect(parseSmtpRate(undefined)).toBeUndefined();
    expect(parseSmtpRate(' ')).toBeUndefined();
    expect(parseSmtpRate('2.5')).toBe(2.5);
    for (const bad of ['fast', '0', '-1', '5000']) {
      let error: unknown;
      try {
        parseSmtpRate(bad);
      } catch (e) {
        error = e;
      }
      expect(isKarnamehError(error) && error.code === 'config.invalid', bad).toBe(true);
      expect(String((error as Error).message)).toContain('SMTP_RATE');
    }
  });
});

describe('the SMTP mailer with a rate', () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('sleeps the gap before every message but the first, in order, on one connection', async () => {
    const clock = fakeClock();
    const mailer = createSmtpMailer({ url: smtp.url, from: 'pr@ilam.example', rate: 10, clock });
    const to = ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'];
    try {
      await Promise.all(
        to.map((email) =>
          mailer.send({
            to: { email, name: null },
            subject: 's',
            html: '<p>x</p>',
            text: 'x',
            attachments: [],
          }),
        ),
      );
    } finally {
      await mailer.close?.();
    }
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual(to);
    expect(smtp.connections()).toBe(1);
    // The fake clock does not move while the server answers: every later start waits the gap.
    expect(clock.sleeps).toEqual([100, 100, 100]);
  });
});
