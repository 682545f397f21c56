/**
 * The URL of the CLI module bin/karnameh.js imports: the build in dist/ when fresh, else the
 * sources. `root` (a URL ending in `/`) is the package folder, bin/.. unless given.
 */
export function entryModule(env?: NodeJS.ProcessEnv, root?: URL): string;

/**
 * Imports the CLI module; a partly deleted build falls back to the sources with a line for
 * `warn` saying how to mend it (an installed package without sources: an error saying so).
 */
export function loadCli(
  env?: NodeJS.ProcessEnv,
  root?: URL,
  warn?: (line: string) => void,
): Promise<{ main: (...args: never[]) => Promise<number> }>;
