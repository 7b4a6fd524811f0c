#!/usr/bin/env node
// `npm start` / `npm test` on a fresh machine with only Node: finds (or fetches) the pinned
// pnpm, installs dependencies when the lockfile changed, then runs the workspace script.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager, engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const tasks = { serve: 'serve', test: 'test:all' };
const task = tasks[process.argv[2]];
if (!task) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(tasks).join('|')}`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`KDS needs Node ${engines.node}; this is ${process.version}.`);
  process.exit(1);
}

// Turbo and the workspace scripts call `pnpm` by name, so it must be on PATH: use the machine's
// pnpm when it is the pinned version, else install that version into .tools/ (no root needed).
const tools = join(root, '.tools');
const env = {
  ...process.env,
  PATH: `${join(tools, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
};
const run = (command, args, extraEnv = {}) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
};
const pnpmAnswers = () =>
  spawnSync('pnpm', ['--version'], { encoding: 'utf8', env }).stdout?.trim();
if (pnpmAnswers() !== pnpmVersion) {
  console.log(`Installing pnpm ${pnpmVersion} into .tools/ ...`);
  const status = run('npm', [
    'install',
    '--prefix',
    tools,
    '--no-save',
    '--no-fund',
    '--no-audit',
    `pnpm@${pnpmVersion}`,
  ]);
  if (status !== 0 || pnpmAnswers() !== pnpmVersion) {
    console.error(`Could not install pnpm ${pnpmVersion}.`);
    process.exit(1);
  }
}
const exec = (args) => run('pnpm', args);

const installed = join(root, 'node_modules', '.pnpm', 'lock.yaml');
const lockfile = join(root, 'pnpm-lock.yaml');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs) {
  const status = exec(['install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}
if (task !== 'serve') process.exit(exec(['run', task]));
// `npm start` is the demo: the same build as production (turbo skips what has not changed),
// and the server runs in development (simulated payments and messages, the demo store). The server itself treats a
// missing NODE_ENV as production.
const built = exec(['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(
  run(process.execPath, [join(root, 'apps', 'server', 'dist', 'kds.js'), 'start'], {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
  }),
);
