#!/usr/bin/env node
// `kds <command>`: the one entry point of a KDS install. Built, it is `node apps/server/dist/kds.js`
// (`pnpm kds` in the repository); from source, `tsx src/kds.ts`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BackupError } from '@kds/db';
import { backupCommand, restoreCommand } from './cli/backup-commands.ts';
import { setupCommand } from './cli/setup-command.ts';
import { DataDirBusyError } from './data-dir-lock.ts';
import { commandLineEnv, EnvError, loadEnv } from './env.ts';
import { safeError } from './logging.ts';
import { KDS_VERSION } from './paths.ts';
import { openDatabase } from './database.ts';
import { serve } from './serve.ts';

const HELP = `KDS ${KDS_VERSION}: a kitchen display system

usage: kds <command>

  start              migrate the database and serve (the default)
  setup              create the owner account and the first store (asks, or takes flags: kds setup --help)
  backup [file]      write a consistent backup while the server keeps running
  restore <file>     bring a backup back into an empty database (DATA_DIR or DATABASE_URL)
  migrate            apply database migrations and stop
  version            print the version

Settings come from the environment, and from ./.env when there is one (see .env.example).`;

/** Where the operator typed the command (pnpm runs root scripts from the repository root). */
export const userPath = (path: string) => resolve(commandLineEnv().invokedFrom, path);

export async function runKds(argv: string[]): Promise<void> {
  const [command = 'start', ...args] = argv;
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    switch (command) {
      case 'start':
        return await serve(loadEnv());
      case 'setup':
        return await setupCommand(args);
      case 'backup':
        return await backupCommand(loadEnv(), args);
      case 'restore':
        return await restoreCommand(loadEnv(), args);
      case 'migrate': {
        const { handle, release } = await openDatabase(loadEnv(), 'kds migrate');
        await handle.migrate();
        await handle.close();
        await release();
        return console.log('The database is up to date.');
      }
      case 'version':
      case '--version':
        return console.log(KDS_VERSION);
      case 'help':
      case '--help':
        return console.log(HELP);
      default:
        console.error(`kds: there is no command "${command}"\n\n${HELP}`);
        process.exit(2);
    }
  } catch (error) {
    const forPeople =
      error instanceof EnvError ||
      error instanceof BackupError ||
      error instanceof DataDirBusyError;
    // Never the raw error otherwise: a database error's message carries the values it was writing.
    console.error(forPeople ? error.message : safeError(error));
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runKds(process.argv.slice(2));
}
