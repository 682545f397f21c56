/** Before the tests: a browser for the rendering tests, found, or installed from Debian's packages when apt-get is at hand. */
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.ts';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function install(): boolean {
  const root = process.getuid?.() === 0;
  if (!has('apt-get') || (!root && !has('sudo'))) return false;
  const sudo = root ? [] : ['sudo'];
  console.error("karnameh: installing Debian's chromium for the rendering tests");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', 'chromium'],
  ]) {
    const [command, ...rest] = [...sudo, ...args] as [string, ...string[]];
    if (spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env }).status !== 0)
      return false;
  }
  return true;
}

const found = findChromium();
if (found.path === null) {
  if (process.env['KARNAMEH_CHROMIUM'] || !install() || findChromium().path === null) {
    const why = found.path === null ? found.why : '';
    console.error(
      `karnameh: the rendering tests need a browser: ${why}; install Chromium or Chrome, or set KARNAMEH_CHROMIUM to its path`,
    );
    process.exit(1);
  }
}
