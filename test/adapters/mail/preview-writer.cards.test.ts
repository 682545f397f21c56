import { mkdir, readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cardFileName,
  createPreviewWriter,
} from '../../../functions/adapters/mail/preview-writer.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

/** `karnameh run --dry-run` renders every card into `<outbox>/preview/cards/` (docs/command-line.md#run). */

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

describe('the dry run', () => {
  it('writes one HTML and one text file per agency of the example, named by id', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    const cards = join(s.outbox, 'preview', 'cards');
    // A card left from an earlier dry run (an agency since removed) must not stay.
    await mkdir(cards, { recursive: true });
    await writeFile(join(cards, 'gone.html'), 'old');

    const run = await karnameh([
      'run',
      '--workbook',
      s.workbook,
      '--month',
      '1403-04',
      '--dry-run',
      '--outbox',
      s.outbox,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`preview: 110 agency cards in ${cards}`);
    const files = (await readdir(cards)).sort();
    expect(files).toHaveLength(220);
    expect(files).not.toContain('gone.html');
    expect(files.slice(0, 4)).toEqual(['d001.html', 'd001.txt', 'd002.html', 'd002.txt']);
    expect(files).toContain('f10.txt');

    const text = await readFile(join(cards, 'd004.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      'کارنامه روابط‌عمومی اداره کل راهداری و حمل و نقل جاده‌ای — تیر ۱۴۰۳',
    );
    expect(text).toContain('در جایگاه ۱\u00A0از\u00A0۱۰۰ قرار دارید');
    const html = await readFile(join(cards, 'f04.html'), 'utf8');
    expect(html).toContain('<html dir="rtl" lang="fa">');
    expect(html).toContain('کارنامه روابط‌عمومی فرمانداری بدره — تیر ۱۴۰۳');
    // Only the cards folder: no staging folder left behind.
    expect((await readdir(join(s.outbox, 'preview'))).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('card file names from sheet ids', () => {
  it('keep letters, digits, _ and -, and percent-encode the rest, so no id leaves the folder', () => {
    expect(cardFileName('d001')).toBe('d001');
    expect(cardFileName('ف-۱۲')).toBe('ف-۱۲');
    expect(cardFileName('../../etc/passwd')).toBe('%2E%2E%2F%2E%2E%2Fetc%2Fpasswd');
    expect(cardFileName('a.b')).not.toBe(cardFileName('a_b'));
    expect(cardFileName('')).toBe('%');
  });

  it('a hostile id is written inside cards/', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    const writer = createPreviewWriter(s.outbox);
    const card = { subject: 's', html: '<p>h</p>', text: 't' };
    const written = await writer.writeCards?.([{ agencyId: '../evil', card }]);
    expect(written).toEqual([
      join(s.outbox, 'cards', '%2E%2E%2Fevil.html'),
      join(s.outbox, 'cards', '%2E%2E%2Fevil.txt'),
    ]);
    expect(await readdir(join(s.outbox, 'cards'))).toHaveLength(2);
    expect((await readdir(s.dir)).sort()).toEqual(['ilam.xlsx', 'outbox']);
  });
});

describe('three dry runs writing cards at once', () => {
  it('all finish, and cards/ holds one run’s cards whole, never a mix', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    const cards = (tag: string) =>
      Array.from({ length: 40 }, (_, i) => ({
        agencyId: `a${i}`,
        card: { subject: tag, html: `<p>${tag}</p>`, text: tag },
      }));
    for (let round = 0; round < 10; round++) {
      const writers = [1, 2, 3].map(() => createPreviewWriter(s.outbox));
      await Promise.all(
        writers.map((w, i) => w.writeCards?.(cards(['one', 'two', 'six'][i] ?? ''))),
      );
      const dir = join(s.outbox, 'cards');
      const files = await readdir(dir);
      expect(files).toHaveLength(80);
      const contents = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
      const tags = new Set(contents.map((c) => /one|two|six/.exec(c)?.[0]));
      expect(tags.size).toBe(1);
      expect((await readdir(s.outbox)).sort()).toEqual(['cards']);
    }
  });
});

describe('a dry run stopped halfway, and what it leaves', () => {
  const release = (tag: string) => ({
    subject: tag,
    html: `<p>${tag}</p>`,
    text: tag,
    attachment: { filename: 'k.csv', contentType: 'text/csv', content: Buffer.from(tag) },
  });
  const card = (tag: string) => ({ subject: tag, html: `<p>${tag}</p>`, text: tag });

  it('never leaves an earlier run’s cards beside a new release (killed before its cards)', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    await createPreviewWriter(s.outbox).writeCards?.([{ agencyId: 'a1', card: card('tir') }]);
    // The next dry run (another month) writes its release and is killed before its cards.
    await createPreviewWriter(s.outbox).write(release('khordad'));
    expect((await readdir(s.outbox)).sort()).toEqual(['k.csv', 'release.html', 'release.txt']);
  });

  it('two dry runs at once: the one whose release was replaced puts no cards beside the other’s', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    const [tir, khordad] = [createPreviewWriter(s.outbox), createPreviewWriter(s.outbox)];
    await tir.write(release('tir'));
    await khordad.write(release('khordad'));
    await expect(tir.writeCards?.([{ agencyId: 'a1', card: card('tir') }])).rejects.toMatchObject({
      code: 'run.in_progress',
    });
    await khordad.writeCards?.([{ agencyId: 'a1', card: card('khordad') }]);
    expect(await readFile(join(s.outbox, 'release.txt'), 'utf8')).toBe('khordad\n\nkhordad');
    expect(await readFile(join(s.outbox, 'cards', 'a1.txt'), 'utf8')).toBe('khordad\n\nkhordad');
    expect((await readdir(s.outbox)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('replaces each release file whole, by a rename: a symlink there is replaced, not written through', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    await mkdir(s.outbox, { recursive: true });
    const elsewhere = join(s.dir, 'elsewhere.html');
    await writeFile(elsewhere, 'not the preview');
    await symlink(elsewhere, join(s.outbox, 'release.html'));
    await createPreviewWriter(s.outbox).write(release('tir'));
    expect(await readFile(elsewhere, 'utf8')).toBe('not the preview');
    expect(await readFile(join(s.outbox, 'release.html'), 'utf8')).toBe('<p>tir</p>');
    expect((await readdir(s.outbox)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('removes staging a killed run left (untouched ten minutes), keeps one a live run writes into', async () => {
    const s = await scratch();
    cleanups.push(s.cleanup);
    const killed = join(s.outbox, '.cards-killed');
    const live = join(s.outbox, '.cards-live');
    await mkdir(killed, { recursive: true });
    await writeFile(join(killed, 'a1.html'), 'half');
    await mkdir(live);
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    await utimes(killed, twentyMinutesAgo, twentyMinutesAgo);
    await createPreviewWriter(s.outbox).write(release('tir'));
    expect((await readdir(s.outbox)).filter((f) => f.startsWith('.'))).toEqual(['.cards-live']);
  });
});
