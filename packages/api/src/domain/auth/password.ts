import { hash, verify } from '@node-rs/argon2';
import { RateLimitedError } from '../errors.ts';

// Argon2id with OWASP's minimum recommended parameters (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password hashing runs on libuv's thread pool (4 threads), which file and DNS work share: at
 * most 4 hashes run at once and 64 wait; past that a sign-in is refused at once rather than
 * queued, so a flood of guesses from many addresses cannot starve the server. Process-wide on
 * purpose: the thread pool is.
 */
const MAX_RUNNING = 4;
const MAX_WAITING = 64;
let running = 0;
const waiting: (() => void)[] = [];

async function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) running += 1;
  else if (waiting.length < MAX_WAITING) await new Promise<void>((take) => waiting.push(take));
  else throw new RateLimitedError({ key: 'signIn.busy' });
  try {
    return await work();
  } finally {
    // The slot goes straight to the next in line, so a newcomer cannot slip in between.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withPasswordSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** Verified against when the account does not exist, so timing does not reveal which emails do. */
export const decoyHash = hash('decoy-password-for-unknown-accounts', options);
