import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built server, run exactly as production runs it: `node apps/server/dist/kds.js`. */
const KDS = fileURLToPath(new URL('../../apps/server/dist/kds.js', import.meta.url));

/** A production environment on this machine: plain HTTP on localhost, nothing simulated. */
export function productionEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://localhost:${port}`,
    PICKUP_CODE_PEPPER: 'e2e-go-live-pepper-0123456789abcdef',
    // Chromium keeps Secure cookies on http://localhost, as it would on HTTPS.
    LOG_LEVEL: 'info',
  };
}

export interface RunningKds {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** `kds start` in its own process; resolves once it answers /readyz. */
export async function startKds(env: NodeJS.ProcessEnv): Promise<RunningKds> {
  const child: ChildProcess = spawn(process.execPath, [KDS, 'start'], { env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kds start stopped:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`kds start never became ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Another `kds` command (backup, restore, ...) to completion; throws with its output. */
export function runKds(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [KDS, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`kds ${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}
