import { smsOptOuts } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

// Twilio's standard opt-out and opt-in keywords (matched on the whole reply, any case).
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT']);
const START_WORDS = new Set(['START', 'YES', 'UNSTOP', 'OPTIN']);

/** A guest's reply to one of our texts: STOP ends all texts to that number, START resumes. */
export async function recordSmsReply(
  ctx: DomainContext,
  reply: { from: string; body: string },
): Promise<'opted_out' | 'opted_in' | 'ignored'> {
  const word = reply.body.trim().toUpperCase();
  if (!reply.from) return 'ignored';
  if (STOP_WORDS.has(word)) {
    await markOptedOut(ctx, reply.from);
    return 'opted_out';
  }
  if (START_WORDS.has(word)) {
    await ctx.db.delete(smsOptOuts).where(eq(smsOptOuts.phone, reply.from));
    return 'opted_in';
  }
  return 'ignored';
}

export async function markOptedOut(ctx: Pick<DomainContext, 'db' | 'now'>, phone: string) {
  await ctx.db
    .insert(smsOptOuts)
    .values({ phone, optedOutAt: ctx.now() })
    .onConflictDoNothing({ target: smsOptOuts.phone });
}

export async function isOptedOut(db: DomainContext['db'], phone: string): Promise<boolean> {
  return (await db.$count(smsOptOuts, eq(smsOptOuts.phone, phone))) > 0;
}
