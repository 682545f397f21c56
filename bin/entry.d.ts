/**
 * The URL of the CLI module bin/karnameh.js imports: the build in dist/ when fresh, else the
 * sources. `root` (a URL ending in `/`) is the package folder, bin/.. unless given.
 */
export function entryModule(env?: NodeJS.ProcessEnv, root?: URL): string;
