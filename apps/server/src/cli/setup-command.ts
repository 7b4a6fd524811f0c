import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { setupFromCommandLine } from '@kds/api';
import { ZodError } from 'zod';
import { DataDirBusyError } from '../data-dir-lock.ts';
import { commandLineEnv, EnvError, loadEnv } from '../env.ts';
import { openDatabase } from '../database.ts';
import { parseHours } from './hours-text.ts';
import { geocoderFrom } from '../geocoder.ts';

const FLAGS = {
  'owner-name': { type: 'string' },
  'owner-email': { type: 'string' },
  'store-name': { type: 'string' },
  slug: { type: 'string' },
  timezone: { type: 'string' },
  currency: { type: 'string' },
  payment: { type: 'string' },
  latitude: { type: 'string' },
  longitude: { type: 'string' },
  postcode: { type: 'string' },
  tax: { type: 'string' },
  hours: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `kds setup: the owner's account and the first store, on an install that has none.

Asks for each answer; or give them (with --yes, nothing is asked):
  --owner-name "Rosa Diaz" --owner-email rosa@example.com   (password: KDS_OWNER_PASSWORD, or asked)
  --store-name "Taqueria Rosa" --slug taqueria-rosa --timezone America/Los_Angeles --currency USD
  --payment counter|online|both   --tax 9.5 (percent added to prices; 0 if prices include it)
  --latitude 34.05 --longitude -118.24  (or --postcode, with POSTCODE_API_URL): where deliveries start
  --hours "mon-fri 11:00-22:00, sat-sun 12:00-23:00" (or "always")`;

/** `kds setup`: on the server's machine, no setup code is needed (it can read the data anyway). */
export async function setupCommand(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true });
  if (values.help) return console.log(HELP);
  const env = loadEnv();
  const ask = values.yes ? null : prompter();
  const answer = answerer(ask);
  try {
    const store = await askStore(values, answer);
    const owner = {
      name: await answer(values['owner-name'], "Owner's name"),
      email: await answer(values['owner-email'], "Owner's email (the sign-in)"),
      password: commandLineEnv().ownerPassword ?? (await secret(ask)),
    };
    const { handle, release } = await openDatabase(env, 'kds setup');
    try {
      await handle.migrate();
      await setupFromCommandLine(
        handle.db,
        { owner, store },
        {
          onlinePayments:
            Boolean(env.STRIPE_SECRET_KEY) ||
            env.NODE_ENV !== 'production' ||
            env.ALLOW_SIMULATED_PAYMENTS,
          geocoder: geocoderFrom(env),
        },
      );
    } finally {
      await handle.close();
      await release();
    }
    console.log(
      `\n${store.name} is ready. Start the server (kds start) and sign in at ${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}/admin/ as ${owner.email}.`,
    );
  } catch (error) {
    throw setupError(error);
  } finally {
    ask?.close();
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values'];

/** The first store: its name and address, zone, currency, payment, tax, hours, delivery start. */
async function askStore(values: Values, answer: Answer) {
  const guessZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const storeName = await answer(values['store-name'], 'Store name');
  const slugGuess = storeName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    name: storeName,
    slug: await answer(values.slug, 'Web address: /order/<this>', slugGuess),
    timezone: await answer(values.timezone, 'Time zone', guessZone),
    currency: await answer(values.currency, 'Currency (ISO code)', 'USD'),
    paymentMode: await answer(values.payment, 'Payment: counter, online or both', 'counter'),
    taxRateBps: Math.round(Number(await answer(values.tax, 'Tax added to prices, %', '0')) * 100),
    openingHours: parseHours(await answer(values.hours, 'Opening hours', 'always')),
    ...(await location(values, answer)),
  };
}

/** What went wrong, said for the person at the terminal. */
function setupError(error: unknown): unknown {
  if (error instanceof DataDirBusyError && error.holder === 'kds server') {
    return new EnvError(
      'The KDS server is running on this database: open /admin/ in a browser and enter the setup code from its log, or stop the server and run `kds setup` again.',
    );
  }
  if (error instanceof ZodError) {
    return new EnvError(
      `kds setup: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  if (error instanceof Error && !(error instanceof EnvError) && 'code' in error) {
    return new EnvError(`kds setup: ${error.message}`);
  }
  return error;
}

/** The flag's value, else the typed answer, else the default ("" only where optional). */
function answerer(ask: ReturnType<typeof prompter> | null): Answer {
  return async (flag, question, fallback = '', optional = false) => {
    if (flag !== undefined) return flag;
    if (!ask) {
      if (fallback || optional) return fallback;
      throw new EnvError(`kds setup --yes: ${question} is missing (kds setup --help)`);
    }
    const shown = fallback || (optional ? 'none' : '');
    const typed = (await ask.question(`${question}${shown ? ` [${shown}]` : ''}: `)).trim();
    return typed || fallback;
  };
}

type Answer = (
  flag: string | undefined,
  question: string,
  fallback?: string,
  optional?: boolean,
) => Promise<string>;

async function location(
  values: { latitude?: string; longitude?: string; postcode?: string },
  answer: Answer,
) {
  if (values.postcode) return { postcode: values.postcode };
  const at = await answer(
    values.latitude !== undefined ? `${values.latitude},${values.longitude ?? ''}` : undefined,
    'Where deliveries start, "latitude,longitude" (none: no delivery)',
    '',
    true,
  );
  if (!at.trim()) return {};
  const [latitude, longitude] = at.split(',').map((n) => Number(n.trim()));
  return { location: { latitude, longitude } };
}

/**
 * Questions on the terminal, or answers piped in (one per line, for scripts). A hidden
 * question echoes nothing of what is typed.
 */
function prompter() {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output: echo, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const question = async (text: string, hidden = false) => {
    process.stdout.write(text);
    muted = hidden;
    try {
      const { value, done } = await lines.next();
      if (done) throw new EnvError(`kds setup: no answer to "${text.trim()}"`);
      return String(value);
    } finally {
      if (hidden) process.stdout.write('\n');
      muted = false;
    }
  };
  return { question, close: () => rl.close() };
}

/** The password, typed twice without being shown. */
async function secret(ask: ReturnType<typeof prompter> | null): Promise<string> {
  if (!ask) throw new EnvError('kds setup --yes: set KDS_OWNER_PASSWORD to the owner password');
  const first = await ask.question('Owner password (10+ characters): ', true);
  if ((await ask.question('The same password again: ', true)) !== first) {
    throw new EnvError('kds setup: the two passwords differ; run it again');
  }
  return first;
}
