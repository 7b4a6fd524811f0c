import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Server } from '../src/test/harness.ts';
import { dataOf, mutate, query, signIn } from './support.ts';

/**
 * Production fails closed. The real server (`src/main.ts`) is started as an operator would
 * start it, with a mistake in its environment each time, and must refuse to serve.
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const PEPPER = 'a-real-production-secret-of-forty-characters';
let dataDir: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

interface Run {
  /** 'serving' once /readyz answers, or the exit code if it stopped first. */
  outcome: 'serving' | number;
  output: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts `src/main.ts` with exactly `env` (plus PATH) and waits until it serves or stops. */
async function run(env: Record<string, string>): Promise<Run> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const serving = (async () => {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return 'serving' as const;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const outcome = await Promise.race([serving, exited]);
  return {
    outcome,
    get output() {
      return output;
    },
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const production = (env: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  PICKUP_CODE_PEPPER: PEPPER,
  PUBLIC_URL: 'https://kds.example.com',
  DATA_DIR: dataDir,
  ...env,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kds-attack-production-'));
  // A store that takes online payment, as the demo seed makes it.
  const seeding = await run({ NODE_ENV: 'development', SEED_DEMO: 'true', DATA_DIR: dataDir });
  expect(seeding.outcome).toBe('serving');
  await seeding.stop();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test starts the real server in a child process (tsx compiling, PGlite opening its
// files); on two cores busy with the other suites that alone can take most of vitest's default
// 30 seconds.
describe('attack: a server started carelessly', { timeout: 120_000 }, () => {
  test('without NODE_ENV it is production: no demo store, no password "demo"', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'kds-attack-noenv-'));
    const started = await run({ DATA_DIR: fresh });
    try {
      const demoLogin =
        started.outcome === 'serving'
          ? await fetch(`http://127.0.0.1:${started.port}/trpc/auth.login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: 'owner@demo.test', password: 'demo' }),
            }).then((r) => r.status)
          : null;
      expect(demoLogin).not.toBe(200);
      expect(started.outcome).not.toBe('serving');
      expect(started.output).toContain('PICKUP_CODE_PEPPER');
    } finally {
      await started.stop();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test.each([
    ['the demo seed', { SEED_DEMO: 'true' }, 'SEED_DEMO'],
    [
      'the development pickup-code secret',
      { PICKUP_CODE_PEPPER: 'kds-development-pepper-not-a-secret' },
      'PICKUP_CODE_PEPPER',
    ],
    ['online payment without Stripe keys', {}, 'STRIPE_SECRET_KEY'],
  ])('production refuses %s', async (_what, env, named) => {
    const started = await run(production(env));
    await started.stop();
    expect(started.outcome).not.toBe('serving');
    expect(started.output).toContain(named);
  });

  test('an invalid variable is named, and its value is never printed', async () => {
    const started = await run(production({ STRIPE_SECRET_KEY: 'rk_live_TOPSECRETVALUE123' }));
    await started.stop();
    expect(started.outcome).not.toBe('serving');
    expect(started.output).toContain('STRIPE_SECRET_KEY');
    expect(started.output).not.toContain('TOPSECRETVALUE');
  });

  test('simulated payments run only when asked for, and the console says so; cookies are Secure', async () => {
    const started = await run(production({ ALLOW_SIMULATED_PAYMENTS: 'true' }));
    try {
      expect(started.outcome).toBe('serving');
      const login = await fetch(`http://127.0.0.1:${started.port}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@demo.test', password: 'demo' }),
      });
      expect(login.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      const { token } = ((await login.json()) as { result: { data: { token: string } } }).result
        .data;
      const mine = await fetch(`http://127.0.0.1:${started.port}/trpc/store.mine`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const me = ((await mine.json()) as { result: { data: { services?: unknown } } }).result.data;
      expect(me.services).toMatchObject({ payments: 'simulated', production: true });
    } finally {
      await started.stop();
    }
  });
});

describe('attack: simulated messages counted as delivered', () => {
  let fx: Fixture;
  let server: Server;
  beforeAll(async () => {
    fx = await createFixture();
    server = await startServer(fx.db, { jobs: false });
  });
  afterAll(async () => {
    await server.close();
    await fx.db.close();
  });

  test('texts and email recorded without Twilio or SMTP are not reported as sent', async () => {
    await mutate(
      server,
      'order.place',
      fx.order({
        customer: {
          name: 'Ada',
          phone: '+15550003333',
          email: 'ada@example.org',
          smsConsent: true,
          emailConsent: true,
        },
      }),
    );
    await server.app.jobs.runOnce();
    const manager = await signIn(server, 'manager@demo.test');
    // The days around today: the store's date is not UTC's from midnight UTC to its own.
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    const range = { from: day(-86_400_000), to: day(86_400_000) };
    const report = dataOf<{ delivery: Record<string, { sent: number }> }>(
      await query(server, 'report.summary', range, { token: manager }),
    );
    expect(report.delivery.sms?.sent).toBe(0);
    expect(report.delivery.email?.sent).toBe(0);
  });
});
