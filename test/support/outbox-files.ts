// The .eml files an outbox holds (by month and run: <outbox>/<month>/<run id>/{release,cards,reminders}/), for tests.
import { readdir } from 'node:fs/promises';

/** The .eml files under `outbox`, as paths relative to it, sorted; [] when it does not exist. */
export async function emlFiles(outbox: string): Promise<string[]> {
  const all = await readdir(outbox, { recursive: true }).catch(() => [] as string[]);
  return all.filter((file) => file.endsWith('.eml')).sort();
}
