import { writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviewWriter } from '../../ports.ts';
import { makeFolder } from '../make-folder.ts';

/**
 * A file name from an agency id (which comes from the sheet): letters, digits, `_` and
 * `-` as they are, anything else percent-encoded, so no id can leave the folder or collide.
 */
export function cardFileName(agencyId: string): string {
  const safe = agencyId.replace(/[^\p{L}\p{N}_-]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase()}`).join(''),
  );
  return safe === '' ? '%' : safe;
}

/**
 * Puts the folder `staging` in the place of `target`, whole, with renames only (each one
 * atomic): the old folder is moved aside, the new one moved in, the old one removed. Two
 * dry runs at once: the one that moves in second finds the other's folder there, moves it
 * aside in turn and tries again, so `target` always holds one run's cards, never a mix.
 */
async function replaceFolder(staging: string, target: string): Promise<void> {
  const aside: string[] = [];
  const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;
  try {
    for (let attempt = 1; ; attempt++) {
      const old = `${staging}.old${attempt}`;
      try {
        await rename(target, old);
        aside.push(old);
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') throw error;
      }
      try {
        await rename(staging, target);
        return;
      } catch (error) {
        const code = codeOf(error);
        if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
      }
    }
  } finally {
    for (const old of aside) await rm(old, { recursive: true, force: true });
  }
}

/** `--dry-run`: the release as files to open in a browser and an editor. */
export function createPreviewWriter(dir: string): PreviewWriter {
  return {
    async write(release) {
      await makeFolder(dir);
      const files = {
        'release.html': release.html,
        'release.txt': `${release.subject}\n\n${release.text}`,
        [release.attachment.filename]: release.attachment.content,
      };
      const written: string[] = [];
      for (const [name, content] of Object.entries(files)) {
        const path = join(dir, name);
        await writeFile(path, content);
        written.push(path);
      }
      return written;
    },

    /**
     * `cards/<id>.html` and `cards/<id>.txt` (subject first), written whole into a fresh
     * folder that then replaces `cards/`: no card of an earlier dry run is left behind.
     */
    async writeCards(cards) {
      await makeFolder(dir);
      const target = join(dir, 'cards');
      const staging = await mkdtemp(join(dir, '.cards-'));
      const names: string[] = [];
      try {
        // Each card is written as it comes and then let go, so a dry run never holds every
        // agency's card at once. Written synchronously: a few hundred small files into a
        // folder of this run's own, where each asynchronous write's trips through the
        // thread pool cost more than the write itself (bench/xlsx-targets.ts).
        for await (const { agencyId, card } of cards) {
          const name = cardFileName(agencyId);
          writeFileSync(join(staging, `${name}.html`), card.html);
          writeFileSync(join(staging, `${name}.txt`), `${card.subject}\n\n${card.text}`);
          names.push(name);
        }
        await chmod(staging, 0o755);
        await replaceFolder(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      return names.flatMap((name) => [join(target, `${name}.html`), join(target, `${name}.txt`)]);
    },
  };
}
