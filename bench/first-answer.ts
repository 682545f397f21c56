/**
 * The first answer of `monthlyRun` in a fresh process, as a cold instance gives it: the
 * entry imported, then one POST of a dry run of the bundled example (no outbox, so no
 * previews; SMTP_URL points nowhere and is never used by a dry run). The time of the
 * import, and of the request from sending it to its whole answer.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const EXAMPLE = resolve(ROOT, 'examples', 'ilam-1403.xlsx');

export interface FirstAnswer {
  /** Median ms to import the entry. */
  importMs: number;
  /** Median ms from sending the first request to its whole answer. */
  answerMs: number;
  /** Median of the two together: what a cold instance's first caller waits, after the framework's start. */
  totalMs: number;
  /** Median resident set size after the answer, MB. */
  rssMb: number;
  status: number;
  runs: number;
}

function childScript(entry: string): string {
  return [
    'const t0 = performance.now();',
    `await import(${JSON.stringify(entry)});`,
    'const importMs = performance.now() - t0;',
    "const { getTestServer } = await import('@google-cloud/functions-framework/testing');",
    "const server = getTestServer('monthlyRun');",
    "await new Promise((ok) => server.listen(0, '127.0.0.1', ok));",
    'const url = `http://127.0.0.1:${server.address().port}/`;',
    'const t1 = performance.now();',
    "const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },",
    "  body: JSON.stringify({ month: '1403-04', dryRun: true }) });",
    'await res.text();',
    'const answerMs = performance.now() - t1;',
    'server.closeAllConnections(); server.close();',
    'const rss = process.memoryUsage().rss;',
    'process.stdout.write(`\\nBENCH ${JSON.stringify({ importMs, answerMs, rss, status: res.status })}\\n`);',
  ].join('\n');
}

interface Sample {
  importMs: number;
  answerMs: number;
  rss: number;
  status: number;
}

async function sample(entry: string): Promise<Sample> {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', childScript(entry)],
    {
      cwd: ROOT,
      maxBuffer: 16 << 20,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        KARNAMEH_WORKBOOK: EXAMPLE,
        SMTP_URL: 'smtp://127.0.0.1:9',
        MAIL_FROM: 'Bench <bench@example.org>',
      },
    },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`no figures from the child: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice('BENCH '.length)) as Sample;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Each entry (a module path) in `runs` fresh processes, one at a time, the entries taking turns. */
export async function measureFirstAnswers(entries: string[], runs = 5): Promise<FirstAnswer[]> {
  const urls = entries.map((entry) => pathToFileURL(resolve(process.cwd(), entry)).href);
  for (const url of urls) await sample(url); // warms the file cache
  const samples: Sample[][] = urls.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [e, url] of urls.entries()) samples[e]?.push(await sample(url));
  }
  return samples.map((taken) => ({
    importMs: median(taken.map((s) => s.importMs)),
    answerMs: median(taken.map((s) => s.answerMs)),
    totalMs: median(taken.map((s) => s.importMs + s.answerMs)),
    rssMb: median(taken.map((s) => s.rss / (1024 * 1024))),
    status: taken[0]?.status ?? 0,
    runs,
  }));
}

/** One line for the table of bench/cold-start.ts. */
export function formatFirstAnswer(entry: string, f: FirstAnswer): string {
  return `first answer of monthlyRun (${entry}, a dry run of the example): import ${f.importMs.toFixed(0)} ms + the request ${f.answerMs.toFixed(0)} ms = ${f.totalMs.toFixed(0)} ms (HTTP ${f.status}), rss after it ${f.rssMb.toFixed(1)} MB (median of ${f.runs})`;
}
