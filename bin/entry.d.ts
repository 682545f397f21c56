/** The URL of the CLI module bin/karnameh.js imports: the build in dist/ when fresh, else the sources. */
export function entryModule(env?: NodeJS.ProcessEnv): string;
