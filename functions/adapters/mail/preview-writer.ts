import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviewWriter } from '../../ports.ts';

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
  };
}
