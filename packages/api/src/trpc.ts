import {
  initTRPC,
  tracked,
  TRPCError,
  type TrackedEnvelope,
  type TRPC_ERROR_CODE_KEY,
} from '@trpc/server';
import { ZodError } from 'zod';
import type { ApiContext } from './context.ts';
import type { Principal } from './domain/context.ts';
import { DomainError } from './domain/errors.ts';
import { clientKey, type RateLimits } from './rate-limits.ts';
import type { RateLimiterMemory } from 'rate-limiter-flexible';

const codeFor: Record<DomainError['code'], TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_TRANSITION: 'PRECONDITION_FAILED',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  VALIDATION: 'UNPROCESSABLE_CONTENT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

const t = initTRPC.context<ApiContext>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const issues =
      cause instanceof ZodError
        ? cause.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }))
        : null;
    let message = shape.message;
    // Unknown failures are logged by the server with their cause and never described here.
    if (error.code === 'INTERNAL_SERVER_ERROR') message = 'internal error';
    if (issues)
      message = issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        domainCode: cause instanceof DomainError ? cause.code : null,
        details: cause instanceof DomainError ? (cause.details ?? null) : null,
        issues,
      },
    };
  },
});

/** Domain errors become tRPC errors here, once, for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

const withPrincipal = <P extends Principal>(accept: (p: Principal) => p is P, refusal: string) =>
  t.middleware(({ ctx, next }) => {
    if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
    if (!accept(ctx.principal)) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
    return next({ ctx: { ...ctx, principal: ctx.principal } });
  });

type Staff = Extract<Principal, { kind: 'staff' }>;
const isStaff = (p: Principal): p is Staff => p.kind === 'staff';
const isManager = (p: Principal): p is Staff =>
  p.kind === 'staff' && (p.role === 'owner' || p.role === 'manager');
const isDevice = (p: Principal): p is Extract<Principal, { kind: 'device' }> => p.kind === 'device';
const isAnyone = (p: Principal): p is Principal => p !== null;

/** Subscriptions one WebSocket connection may hold open (a kitchen screen uses one or two). */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

/**
 * Refuses a subscription beyond the connection's allowance: a flood of subscriptions on one
 * socket costs the server memory and fan-out time. The count drops when a subscription stops
 * (tRPC aborts its signal when the client unsubscribes or the socket closes).
 */
const limitSubscriptions = t.middleware(async ({ ctx, type, signal, next }) => {
  if (type !== 'subscription' || !signal) return next();
  const connection = ctx.connection;
  if (connection.subscriptions >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`,
    });
  }
  connection.subscriptions += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    connection.subscriptions -= 1;
  };
  signal.addEventListener('abort', release, { once: true });
  const result = await next();
  if (!result.ok) release();
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors).use(limitSubscriptions);
/** Staff of any role, or a paired kitchen screen: the kitchen's procedures. */
export const kitchenProcedure = publicProcedure.use(withPrincipal(isAnyone, 'not allowed'));
export const staffProcedure = publicProcedure.use(withPrincipal(isStaff, 'staff only'));
export const managerProcedure = publicProcedure.use(
  withPrincipal(isManager, 'a manager or owner must do this'),
);
/**
 * Refuses a client that has failed too often, and counts this call against it if it fails.
 * Only failures count: see rate-limits.ts.
 */
export const limitFailures = (
  pick: (limits: RateLimits) => RateLimiterMemory,
  options: { byAddress?: boolean } = {},
) =>
  t.middleware(async ({ ctx, next }) => {
    const limiter = pick(ctx.limits);
    const key = options.byAddress ? `ip:${ctx.ip ?? 'unknown'}` : clientKey(ctx.principal, ctx.ip);
    const used = await limiter.get(key);
    if (used && used.consumedPoints >= limiter.points) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `too many failed attempts; try again in ${Math.ceil(used.msBeforeNext / 60_000)} min`,
      });
    }
    const result = await next();
    if (!result.ok) await limiter.penalty(key, 1);
    return result;
  });

/** At most the limiter's allowance of calls per address; the next ones are refused (429). */
export const limitCalls = (pick: (limits: RateLimits) => RateLimiterMemory) =>
  t.middleware(async ({ ctx, next }) => {
    const limiter = pick(ctx.limits);
    try {
      await limiter.consume(`ip:${ctx.ip ?? 'unknown'}`);
    } catch {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: 'too many orders from here; wait a minute',
      });
    }
    return next();
  });

export const deviceProcedure = publicProcedure.use(withPrincipal(isDevice, 'paired screens only'));

/**
 * Wraps a stream of sequenced items as `tracked()` so clients resume from the last id. A plain
 * iterator rather than another async generator: it runs once per subscriber per event, and a
 * generator layer costs a suspended frame and extra promises each time.
 */
export function trackedBySeq<T extends { seq: number }>(
  stream: AsyncIterable<T>,
  kind: SubscriptionKind,
): AsyncIterable<TrackedEnvelope<T>> {
  return {
    [Symbol.asyncIterator]() {
      const inner = stream[Symbol.asyncIterator]();
      liveSubscriptions[kind] += 1;
      let open = true;
      const end = () => {
        if (open) liveSubscriptions[kind] -= 1;
        open = false;
      };
      return {
        next: () =>
          inner.next().then(
            (step): IteratorResult<TrackedEnvelope<T>> => {
              if (step.done) end();
              return step.done ? step : { value: tracked(String(step.value.seq), step.value) };
            },
            (error: unknown) => {
              end();
              throw error;
            },
          ),
        return: async () => {
          end();
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export type SubscriptionKind = 'kitchen' | 'tracker' | 'board' | 'menu' | 'store';

/** Open subscriptions in this process, by kind: read by the server's /metrics. */
export const liveSubscriptions: Record<SubscriptionKind, number> = {
  kitchen: 0,
  tracker: 0,
  board: 0,
  menu: 0,
  store: 0,
};
