/** `remind --dry-run`'s preview folder: each reminder and the secretariat's digest as files. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReminderPreviewWriter } from '../../../ports.ts';
import { makeFolder } from '../../make-folder.ts';

/** An agency id as a file name: safe characters only, never hidden, never `..`. */
const safeName = (id: string): string => {
  const safe = id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80);
  return safe === '' || safe.startsWith('_') ? `agency${safe}` : safe;
};

/**
 * `remind --dry-run`: each reminder as `<id>.html` and `<id>.txt` (subject on the first
 * line of the text), and the digest as `digest.html` / `digest.txt`, in a folder of their
 * own whose earlier previews are removed first (an agency that has since fixed its row
 * must not seem to be reminded still).
 */
export function createReminderPreviewWriter(dir: string): ReminderPreviewWriter {
  return {
    async write(previews) {
      await rm(dir, { recursive: true, force: true });
      await makeFolder(dir);
      const used = new Set<string>(['digest']);
      const written: string[] = [];
      for (const { agencyId, mail } of previews) {
        let name = 'digest';
        if (agencyId !== null) {
          const base = safeName(agencyId);
          name = base;
          for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
          used.add(name.toLowerCase());
        }
        for (const [file, content] of [
          [`${name}.html`, mail.html],
          [`${name}.txt`, `${mail.subject}\n\n${mail.text}`],
        ] as const) {
          const path = join(dir, file);
          await writeFile(path, content, { flag: 'wx' });
          written.push(path);
        }
      }
      return written;
    },
  };
}
