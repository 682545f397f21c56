/** Where a Chromium-family browser is on this machine, for the rendering tests: env first, then the usual names and paths. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The names a Chromium-family browser goes by on PATH, Linux and macOS Homebrew alike. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where installers put it when it is not on PATH. */
function knownPaths(env: NodeJS.ProcessEnv): string[] {
  const windows = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]
    .filter((root): root is string => Boolean(root))
    .flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  return [
    '/usr/bin/chromium',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...windows,
  ];
}

function runnable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What was found: a path, or why none could be used. */
export type ChromiumLookup = { path: string } | { path: null; why: string };

/**
 * `KARNAMEH_CHROMIUM` when set (and then only it: a wrong value is said, not passed over),
 * else the first of the usual names on PATH, else the usual install paths.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env['KARNAMEH_CHROMIUM'];
  if (chosen) {
    return runnable(chosen)
      ? { path: chosen }
      : { path: null, why: `KARNAMEH_CHROMIUM=${chosen} is not an executable file` };
  }
  const folders = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of NAMES) {
    for (const folder of folders) {
      for (const suffix of suffixes) {
        const path = join(folder, name + suffix);
        if (runnable(path)) return { path };
      }
    }
  }
  const known = knownPaths(env).find(runnable);
  return known
    ? { path: known }
    : {
        path: null,
        why: `no Chromium, Chrome or Edge found (looked for ${NAMES.join(', ')} on PATH and the usual install folders)`,
      };
}
