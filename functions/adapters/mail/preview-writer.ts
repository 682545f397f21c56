/** The dry run's preview folder: the release and the cards written as files, swapped in whole. */
import { writeFileSync } from 'node:fs';
import { chmod, lstat, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { PreviewWriter, RenderedInfographic, RenderedRelease } from '../../ports.ts';
import { withEmbeddedFont } from '../infographic/render-png.ts';
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

/** What a dry run stages in the preview folder, under names no output file has. */
const STAGING = /^\.(cards-|write-)/;
/** A staging entry untouched for this long belongs to a dry run that was killed. */
const ABANDONED_MS = 10 * 60_000;

/**
 * Removes what killed dry runs left (a half-written `.cards-*` folder, a `.write-*` file):
 * hidden and harmless, but they would pile up. A dry run under way keeps writing into its
 * own, so anything untouched for ten minutes is no one's.
 */
async function removeAbandoned(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    if (!STAGING.test(name)) continue;
    const path = join(dir, name);
    const stat = await lstat(path).catch(() => undefined);
    if (stat && now - stat.mtimeMs > ABANDONED_MS) await rm(path, { recursive: true, force: true });
  }
}

/**
 * `path` holding `content`, whole or not at all: written beside it and renamed over it (a
 * killed run leaves the old file, a reader never sees half of one, and a symlink in its
 * place is replaced, not written through).
 */
async function replaceFile(path: string, content: string | Buffer): Promise<void> {
  const dir = join(path, '..');
  const temp = join(dir, `.write-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    // named by the file the user asked for, not the name it was written under
    const failure = error as NodeJS.ErrnoException;
    if (failure.path === temp) {
      failure.path = path;
      failure.message = failure.message.replace(temp, path);
    }
    throw error;
  }
}

/** Takes `path` away at once (a rename), then removes it. */
async function removeFolder(path: string): Promise<void> {
  const aside = join(
    path,
    '..',
    `.cards-gone-${process.pid}-${Math.random().toString(36).slice(2)}`,
  );
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/**
 * Two dry runs into one outbox at once: the one that wrote its release last owns the
 * folder; the other one's cards would sit beside that release, so they do not go in.
 */
async function ownRelease(dir: string, written: string | undefined): Promise<void> {
  if (written === undefined) return;
  const there = await readFile(join(dir, 'release.txt'), 'utf8').catch(() => undefined);
  if (there === written) return;
  throw new KarnamehError(
    'run.in_progress',
    `another dry run wrote its release into ${dir} while this one rendered its cards; that run's preview is there, not this one's (give each dry run its own --outbox)`,
  );
}

/** Where the preview puts a month's infographic, as the public site will (docs/infographic.md#where-you-find-it). */
export const infographicFolder = (dir: string, month: string): string => join(dir, 'site', month);

/**
 * The infographic into `site/<month>/`: `infographic.png`, and `infographic.svg` with the
 * font inside it (it opens the same in any browser). Returns the paths written.
 */
async function writeInfographic(dir: string, picture: RenderedInfographic): Promise<string[]> {
  const folder = infographicFolder(dir, picture.month);
  await makeFolder(folder);
  const files = {
    'infographic.png': await picture.png(),
    'infographic.svg': withEmbeddedFont(picture.svg),
  };
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    await replaceFile(join(folder, name), content);
    written.push(join(folder, name));
  }
  return written;
}

/** release.html as a browser opens it from the folder: the inline picture read from site/. */
function previewHtml(release: RenderedRelease): string {
  const picture = release.infographic;
  if (picture === undefined) return release.html;
  const path = `site/${picture.month}/infographic.png`;
  return release.html.split(`cid:${picture.cid}`).join(path);
}

/** `--dry-run`: the release as files to open in a browser and an editor. */
export function createPreviewWriter(dir: string): PreviewWriter {
  /** The release.txt this writer put there, to know whether the folder is still its run's. */
  let releaseText: string | undefined;
  return {
    /**
     * The release files, each replaced whole; the cards of an earlier dry run are removed
     * first, so a run stopped before its cards never leaves them beside this release.
     */
    async write(release) {
      await makeFolder(dir);
      await removeAbandoned(dir);
      await removeFolder(join(dir, 'cards'));
      releaseText = `${release.subject}\n\n${release.text}`;
      const files = {
        'release.html': previewHtml(release),
        'release.txt': releaseText,
        [release.attachment.filename]: release.attachment.content,
      };
      const written: string[] = [];
      for (const [name, content] of Object.entries(files)) {
        const path = join(dir, name);
        await replaceFile(path, content);
        written.push(path);
      }
      if (release.infographic) written.push(...(await writeInfographic(dir, release.infographic)));
      return written;
    },

    /**
     * `cards/<id>.html` and `cards/<id>.txt` (subject first), written whole into a fresh
     * folder that then replaces `cards/`: no card of an earlier dry run is left behind.
     */
    async writeCards(cards) {
      await makeFolder(dir);
      await removeAbandoned(dir);
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
        await ownRelease(dir, releaseText);
        await replaceFolder(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      return names.flatMap((name) => [join(target, `${name}.html`), join(target, `${name}.txt`)]);
    },
  };
}
