/** `karnameh publish`: the public pages rebuilt from the figures each sending run kept. */
import { resolve } from 'node:path';
import { createFolderSite } from '../adapters/site/folder-site.ts';
import type { CliOptions } from './args.ts';
import { siteDir } from '../compose.ts';
import type { Logger } from '../ports.ts';
import { publishSite } from '../use-cases/publish-site.ts';

/** `karnameh publish`: the pages rebuilt from the figures each sending run kept. */
export async function publishCommand(options: CliOptions, log: Logger): Promise<number> {
  const from = createFolderSite(siteDir(options.outbox));
  const to = options.out ? createFolderSite(options.out) : from;
  const report = await publishSite(from, to, options.month ? { month: options.month } : {});
  const which = options.month ?? report.months.join(', ');
  log.info(
    `public site: ${report.files} files written to ${resolve(to.location)} (months: ${which})`,
  );
  return 0;
}
