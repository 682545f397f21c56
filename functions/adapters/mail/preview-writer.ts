import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviewWriter, RenderedCard } from '../../ports.ts';

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
 * Puts the folder `staging` in the place of `target`, whole. Two dry runs at once may both
 * remove the old folder; the one that renames second finds the other's folder there and
 * replaces it in turn, so `target` always holds one run's cards, never a mix.
 */
async function replaceFolder(staging: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await rm(target, { recursive: true, force: true });
    try {
      await rename(staging, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
    }
  }
}

/** `--dry-run`: the release as files to open in a browser and an editor. */
export function createPreviewWriter(dir: string): PreviewWriter {
  return {
    async write(release) {
      await mkdir(dir, { recursive: true });
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
    async writeCards(cards: readonly { agencyId: string; card: RenderedCard }[]) {
      await mkdir(dir, { recursive: true });
      const target = join(dir, 'cards');
      const staging = await mkdtemp(join(dir, '.cards-'));
      try {
        for (const { agencyId, card } of cards) {
          const name = cardFileName(agencyId);
          await writeFile(join(staging, `${name}.html`), card.html);
          await writeFile(join(staging, `${name}.txt`), `${card.subject}\n\n${card.text}`);
        }
        await chmod(staging, 0o755);
        await replaceFolder(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      return cards.flatMap(({ agencyId }) => {
        const name = cardFileName(agencyId);
        return [join(target, `${name}.html`), join(target, `${name}.txt`)];
      });
    },
  };
}
