import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReminderPreviewWriter } from '../../../functions/adapters/mail/reminder-preview-writer.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'karnameh-previews-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const mail = (subject: string) => ({ subject, html: `<p>${subject}</p>`, text: `${subject}\n` });

describe('the reminder previews', () => {
  it('names files by agency id, safely, and never lets an id take the digest’s place', async () => {
    const dir = join(root, 'preview', 'reminders');
    const written = await createReminderPreviewWriter(dir).write([
      { agencyId: 'd003', mail: mail('a') },
      { agencyId: '../../etc/passwd', mail: mail('b') },
      { agencyId: 'digest', mail: mail('c') },
      { agencyId: '.hidden', mail: mail('d') },
      { agencyId: null, mail: mail('the digest') },
    ]);
    expect(written.every((path) => path.startsWith(dir))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(
      ['agency_etc_passwd', 'agency_hidden', 'd003', 'digest', 'digest-2']
        .flatMap((name) => [`${name}.html`, `${name}.txt`])
        .sort(),
    );
    expect(await readFile(join(dir, 'digest.txt'), 'utf8')).toBe('the digest\n\nthe digest\n');
    expect(await readFile(join(dir, 'digest-2.html'), 'utf8')).toBe('<p>c</p>');
    expect(await readdir(root)).toEqual(['preview']);
  });

  it('removes the previews of an earlier dry run first', async () => {
    const dir = join(root, 'reminders');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'd009.html'), 'old');
    await createReminderPreviewWriter(dir).write([{ agencyId: null, mail: mail('x') }]);
    expect((await readdir(dir)).sort()).toEqual(['digest.html', 'digest.txt']);
  });
});
