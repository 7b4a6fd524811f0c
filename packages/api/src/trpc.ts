import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ZodError, type ZodType } from 'zod';
import type { ApiContext } from './context.ts';
import type { Principal } from './domain/context.ts';
import type { ApiKeyPrincipal, KitchenPrincipal, StaffPrincipal } from './domain/auth/principal.ts';
import { noteApiKeyUse } from './domain/integrations/api-keys.ts';
import type { ErrorWords } from '@kds/i18n';
import {
  DomainError,
  ForbiddenError,
  RateLimitedError,
  UnauthorizedError,
  wordsOfInput,
} from './domain/errors.ts';
import { addressKey, clientKey, type RateLimits } from './rate-limits.ts';

const codeFor: Record<DomainError['code'], TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_TRANSITION: 'PRECONDITION_FAILED',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  VALIDATION: 'UNPROCESSABLE_CONTENT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

// Procedures of the integration API carry their REST route (`meta.openapi`): see integration.ts.
const t = initTRPC
  .context<ApiContext>()
  .meta<OpenApiMeta>()
  .create({
    // Never send stack traces, whatever NODE_ENV says.
    isDev: false,
    // Subscriptions travel on the WebSocket only, where the connection caps, keep-alive and the
    // slow-consumer cut live; tRPC would otherwise also serve them as server-sent events.
    sse: { enabled: false },
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const issues = cause instanceof ZodError ? cause.issues.map(issueOf) : null;
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
          // The message's words, for a screen to say in its reader's language.
          say: cause instanceof DomainError ? cause.say : null,
          issues,
        },
      };
    },
  });

/**
 * A field that is not right as typed: where, the server's English, and what a screen needs to
 * say it in its reader's language: the schema's own words (`say`), or zod's issue (`zod`: its
 * code and limits, never the input) for zod's translations.
 */
function issueOf(issue: ZodError['issues'][number]) {
  const { path, message, ...zod } = issue as ZodError['issues'][number] & { input?: unknown };
  delete zod.input;
  const say = wordsOfInput(message);
  return { path: path.map(String), message, say, zod: say ? null : zod };
}

/** Domain errors become tRPC errors here, once, for every procedure. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * A NUL character is refused in any text of any input: PostgreSQL cannot store it, so it would
 * otherwise surface as an internal error halfway through a write.
 */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  // An unreadable body is left to the procedure's own input parser (or ignored, without one).
  const raw = await getRawInput().catch(() => undefined);
  if (hasNul(raw)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'text cannot contain NUL characters' });
  }
  return next();
});

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => hasNul(child, depth + 1));
}

/**
 * Every subscription is admitted here: over the WebSocket only, within its principal's (or
 * address's) allowance, and watched for revocation. Its lease rides on the context; the stream
 * gives it back when it ends (`trackedBySeq`).
 */
const guardStreams = t.middleware(async ({ ctx, type, signal, next }) => {
  if (type !== 'subscription') return next();
  if (ctx.transport === 'http') {
    throw new TRPCError({
      code: 'METHOD_NOT_SUPPORTED',
      message: 'subscriptions are served over the WebSocket (/trpc) only',
    });
  }
  const stream = ctx.streams.lease(ctx.principal, ctx.ip, signal);
  if (!stream) {
    throw new RateLimitedError({ key: 'limits.streams' });
  }
  const result = await next({ ctx: { ...ctx, stream } });
  if (!result.ok) stream.end();
  return result;
});

/** Procedures a signed-in person may use while a reset password waits to be replaced. */
const WHILE_PASSWORD_RESET = new Set([
  'auth.changePassword',
  'auth.logout',
  'auth.logoutEverywhere',
  'auth.me',
  'store.mine',
]);

const withPrincipal = <P extends Principal>(
  accept: (p: Principal) => p is P,
  refusal: ErrorWords['key'],
  anonymous: ErrorWords['key'] = 'access.signIn',
) =>
  t.middleware(({ ctx, path, next }) => {
    const principal: Principal | null = ctx.principal;
    if (!principal) throw new UnauthorizedError({ key: anonymous });
    const restricted = principal.kind === 'staff' && principal.mustChangePassword;
    if (!accept(principal)) throw new ForbiddenError({ key: refusal });
    if (restricted && !WHILE_PASSWORD_RESET.has(path)) {
      throw new ForbiddenError(
        { key: 'access.choosePassword' },
        {
          reason: 'PASSWORD_CHANGE_REQUIRED',
        },
      );
    }
    return next({ ctx: { ...ctx, principal } });
  });

const isStaff = (p: Principal): p is StaffPrincipal => p.kind === 'staff';
const isManager = (p: Principal): p is StaffPrincipal =>
  p.kind === 'staff' && (p.role === 'owner' || p.role === 'manager');
const isKitchen = (p: Principal): p is KitchenPrincipal => p.kind !== 'apiKey';

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseNul).use(guardStreams);
/** Staff of any role, or a paired kitchen screen: the kitchen's procedures. */
export const kitchenProcedure = publicProcedure.use(
  withPrincipal(isKitchen, 'access.noKitchenForKeys', 'access.signInOrPair'),
);
export const staffProcedure = publicProcedure.use(withPrincipal(isStaff, 'access.staffOnly'));
export const managerProcedure = publicProcedure.use(
  withPrincipal(isManager, 'access.managerOrOwner'),
);

/**
 * A guess-able secret (a password, a pairing code, a pickup code) is tried one call at a time:
 * in a batch, calls run side by side and one request could carry hundreds of guesses.
 */
export const alone = t.middleware(({ ctx, path, next }) => {
  if (ctx.batchSize > 1) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${path} cannot be batched; send it alone`,
    });
  }
  return next();
});

/** What a limit counts, in the words of its refusal ("too many … ; try again in N min"). */
type Limit = Extract<ErrorWords['key'], `limits.${string}`>;

function refusal(spent: unknown, what: Limit): never {
  if (!(spent instanceof RateLimiterRes)) throw spent;
  const minutes = Math.max(1, Math.ceil(spent.msBeforeNext / 60_000));
  throw new RateLimitedError({ key: what, values: { minutes } });
}

/**
 * Only failures count: a point is spent before the call (so calls side by side cannot all slip
 * through before any is counted) and given back when the call succeeds. Counted per address,
 * or per client (the signed-in person or screen, else the address).
 */
export const limitFailures = (
  pick: (limits: RateLimits) => RateLimiterAbstract,
  by: 'address' | 'client',
  what: Limit,
) =>
  t.middleware(async ({ ctx, next }) => {
    const limiter = pick(ctx.limits);
    const key = by === 'address' ? addressKey(ctx.ip) : clientKey(ctx.principal, ctx.ip);
    await limiter.consume(key).catch((spent: unknown) => refusal(spent, what));
    const result = await next();
    if (result.ok) await limiter.reward(key, 1);
    return result;
  });

/**
 * Discount codes are guessed one preview at a time: a call that names a code spends a point
 * first, and gets it back unless the code does not exist. Known codes, right or wrong for the
 * order, cost a guest nothing; a client that has tried too many unknown ones is refused (429).
 */
export const limitCodeGuesses = t.middleware(async ({ ctx, input, next }) => {
  const code = (input as { discountCode?: unknown } | undefined)?.discountCode;

  if (typeof code !== 'string') return next();
  const key = clientKey(ctx.principal, ctx.ip);
  await ctx.limits.discountCode
    .consume(key)
    .catch((spent: unknown) => refusal(spent, 'limits.discountCodes'));
  const result = await next();
  if (!namesUnknownCode(result)) await ctx.limits.discountCode.reward(key, 1);
  return result;
});

function namesUnknownCode(result: { ok: boolean; data?: unknown; error?: { cause?: unknown } }) {
  const problems = result.ok
    ? (result.data as { problems?: { code: string }[] } | undefined)?.problems
    : (result.error?.cause as { details?: { problems?: { code: string }[] } | null } | undefined)
        ?.details?.problems;
  return problems?.some((p) => p.code === 'DISCOUNT_UNKNOWN') ?? false;
}

/**
 * A JSON body checked as sent, before a REST route's coercing copy of the schema parses it
 * (see rest-input.ts): `"false"` stays a string and is refused, never read as `true`.
 */
export const strictBody = (schema: ZodType) =>
  t.middleware(async ({ getRawInput, next }) => {
    const parsed = schema.safeParse(await getRawInput());
    if (!parsed.success) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'invalid input', cause: parsed.error });
    }
    return next();
  });

/** At most the limiter's allowance of calls per client; the next ones are refused (429). */
export const limitCalls = (pick: (limits: RateLimits) => RateLimiterAbstract, what: Limit) =>
  t.middleware(async ({ ctx, next }) => {
    await pick(ctx.limits)
      .consume(clientKey(ctx.principal, ctx.ip))
      .catch((spent: unknown) => refusal(spent, what));
    return next();
  });

/**
 * The integration API: an API key whose scopes include `scope`, at most the key's allowance of
 * calls a minute (429 past it). When the key was last used is kept to the minute.
 */
export const integrationProcedure = (scope: ApiKeyPrincipal['scopes'][number]) =>
  publicProcedure
    .use(withPrincipal((p): p is ApiKeyPrincipal => p.kind === 'apiKey', 'access.apiKeyOnly'))
    .use(({ ctx, next }) => {
      if (!ctx.principal.scopes.includes(scope)) {
        throw new ForbiddenError(
          { key: 'access.scopeMissing', values: { scope } },
          {
            reason: 'SCOPE_MISSING',
            scope,
          },
        );
      }
      return next();
    })
    .use(limitCalls((limits) => limits.apiCalls, 'limits.keyCalls'))
    .use(async ({ ctx, next }) => {
      await noteApiKeyUse(ctx, ctx.principal);
      return next();
    });

export {
  HandoffSlot,
  liveStream,
  liveSubscriptions,
  trackedBySeq,
  type SubscriptionKind,
} from './tracked.ts';
