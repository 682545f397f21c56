/**
 * The gcloud commands a page shows, found and read as sh would split them, and checked against
 * the gcloud command groups they use (each flag one that group takes, per Google's reference).
 */
import { fencedBlocks, words } from './page-commands.ts';

/** A gcloud command: its group (`functions delete`), positional words and flags. */
export interface Gcloud {
  text: string;
  path: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const V = 'value';
const B = 'bool';
type Kind = typeof V | typeof B;

/** What the function flags of `gcloud functions deploy` and the scheduler job take (scripts/deploy.ts). */
const DEPLOY: Record<string, Kind> = {
  '--gen2': B,
  '--project': V,
  '--region': V,
  '--runtime': V,
  '--source': V,
  '--entry-point': V,
  '--trigger-http': B,
  '--no-allow-unauthenticated': B,
  '--service-account': V,
  '--max-instances': V,
  '--concurrency': V,
  '--cpu': V,
  '--memory': V,
  '--timeout': V,
  '--set-env-vars': V,
  '--set-secrets': V,
};
const JOB: Record<string, Kind> = {
  '--project': V,
  '--location': V,
  '--schedule': V,
  '--time-zone': V,
  '--uri': V,
  '--http-method': V,
  '--oidc-service-account-email': V,
  '--oidc-token-audience': V,
  '--attempt-deadline': V,
};
const BINDING: Record<string, Kind> = { '--project': V, '--member': V, '--role': V };
const FUNCTION_WHERE: Record<string, Kind> = { '--gen2': B, '--project': V, '--region': V };

/** Each command group the guides use: how many positional words (-1: one or more) and its flags. */
const GCLOUD: Record<string, { positional: number; flags: Record<string, Kind> }> = {
  'auth login': { positional: 0, flags: {} },
  'auth list': { positional: 0, flags: {} },
  'auth print-identity-token': { positional: 0, flags: {} },
  'auth application-default login': {
    positional: 0,
    flags: { '--impersonate-service-account': V, '--client-id-file': V, '--scopes': V },
  },
  'projects create': { positional: 1, flags: {} },
  'projects describe': { positional: 1, flags: { '--format': V } },
  'projects add-iam-policy-binding': { positional: 1, flags: BINDING },
  'projects delete': { positional: 1, flags: {} },
  'config set': { positional: 2, flags: {} },
  'billing accounts list': { positional: 0, flags: {} },
  'billing projects link': { positional: 1, flags: { '--billing-account': V } },
  'services enable': { positional: -1, flags: { '--project': V } },
  'iam service-accounts create': { positional: 1, flags: { '--project': V, '--display-name': V } },
  'iam service-accounts add-iam-policy-binding': { positional: 1, flags: BINDING },
  'iam service-accounts delete': { positional: 1, flags: { '--project': V } },
  'secrets create': { positional: 1, flags: { '--project': V, '--data-file': V } },
  'secrets versions add': { positional: 1, flags: { '--project': V, '--data-file': V } },
  'secrets add-iam-policy-binding': { positional: 1, flags: BINDING },
  'secrets delete': { positional: 1, flags: { '--project': V } },
  'functions deploy': { positional: 1, flags: DEPLOY },
  'functions add-invoker-policy-binding': {
    positional: 1,
    flags: { '--project': V, '--region': V, '--member': V },
  },
  'functions describe': { positional: 1, flags: { ...FUNCTION_WHERE, '--format': V } },
  'functions logs read': { positional: 1, flags: { ...FUNCTION_WHERE, '--limit': V } },
  'functions delete': { positional: 1, flags: FUNCTION_WHERE },
  'scheduler jobs create http': { positional: 1, flags: JOB },
  'scheduler jobs update http': { positional: 1, flags: JOB },
  'scheduler jobs describe': { positional: 1, flags: { '--project': V, '--location': V } },
  'scheduler jobs run': { positional: 1, flags: { '--project': V, '--location': V } },
  'scheduler jobs delete': { positional: 1, flags: { '--project': V, '--location': V } },
  'artifacts repositories set-cleanup-policies': {
    positional: 1,
    flags: { '--project': V, '--location': V, '--policy': V },
  },
  'artifacts repositories delete': { positional: 1, flags: { '--project': V, '--location': V } },
};

/** Reads a gcloud command's words by its group in GCLOUD; throws saying what is malformed. */
export function readGcloud(text: string, given: string[] = words(text)): Gcloud {
  if (given[0] !== 'gcloud') throw new Error(`not a gcloud command: ${text}`);
  const rest = given.slice(1);
  const path = Object.keys(GCLOUD)
    .filter((key) => key.split(' ').every((word, i) => rest[i] === word))
    .sort((a, b) => b.length - a.length)[0];
  if (!path) throw new Error(`a gcloud command group this check does not know: ${text}`);
  const spec = GCLOUD[path];
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const args = rest.slice(path.split(' ').length);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.split(/=(.*)/s);
    const kind = spec?.flags[name];
    if (!kind) throw new Error(`gcloud ${path} takes no ${name}: ${text}`);
    if (flags.has(name)) throw new Error(`${name} twice: ${text}`);
    if (kind === B) {
      if (inline !== undefined) throw new Error(`${name} takes no value: ${text}`);
      flags.set(name, true);
    } else if (inline !== undefined) flags.set(name, inline);
    else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${name} needs a value: ${text}`);
      flags.set(name, value);
      i += 1;
    }
  }
  const wanted = spec?.positional ?? 0;
  if (wanted >= 0 ? positional.length !== wanted : positional.length === 0) {
    throw new Error(`gcloud ${path} takes ${wanted < 0 ? 'one or more' : wanted} names: ${text}`);
  }
  return { text, path, positional, flags };
}

/** Lines of a shell block as sh reads them: continuations joined, heredoc bodies and comments left out. */
function shellLines(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i += 1;
      line = `${line.slice(0, -1).trimEnd()} ${(lines[i] ?? '').trim()}`;
    }
    const heredoc = /<<-?'?(\w+)'?/.exec(line)?.[1];
    if (heredoc) while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== heredoc) i += 1;
    if (heredoc) i += 1;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}

/**
 * Every gcloud command of a page: in its shell blocks (a whole line, after `VAR=$(`, after a
 * `|`, or inside `$(…)`) and in its inline code spans. Throws when a block says `gcloud` in a
 * form this does not read, so that no command goes unchecked.
 */
export function gcloudCommands(markdown: string): string[] {
  const found: string[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang !== 'sh') continue;
    for (const line of shellLines(block.text)) {
      const here: string[] = [];
      for (const m of line.matchAll(/\$\((gcloud [^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
        here.push(m[1] ?? '');
      }
      const outside = line.replace(/\$\(gcloud [^()]*(?:\([^()]*\)[^()]*)*\)/g, '');
      for (const part of outside.split(' | ')) {
        if (part.trim().startsWith('gcloud ')) here.push(part.trim());
      }
      const said = line.split('gcloud ').length - 1;
      if (here.length !== said) throw new Error(`gcloud in a form not read here: ${line}`);
      found.push(...here);
    }
  }
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const span of prose.matchAll(/`(gcloud [^`]+)`/g)) {
    found.push((span[1] ?? '').replace(/\s*\n\s*/g, ' '));
  }
  return found;
}
