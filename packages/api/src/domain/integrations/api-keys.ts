import { apiKeys, staff } from '@kds/db';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager, type ApiKeyPrincipal } from '../auth/principal.ts';
import { API_KEY_PREFIX, newToken } from '../auth/tokens.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import type { ApiKeyCreateInput, ApiKeyIdInput } from './schemas.ts';

/** Live keys a store may hold at once: one per till, aggregator and script is far below it. */
export const MAX_LIVE_KEYS = 50;

/** The store's keys, newest first; revoked ones stay listed (and in the audit log). */
export async function listApiKeys({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    return tx.db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        scopes: apiKeys.scopes,
        createdBy: staff.name,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .innerJoin(staff, eq(staff.id, apiKeys.createdBy))
      .where(eq(apiKeys.storeId, manager.storeId))
      .orderBy(desc(apiKeys.createdAt));
  });
}

/** A new key for the manager's store. The key itself is returned this once; only its hash stays. */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiKeyCreateInput;
}) {
  const manager = requireManager(ctx);
  const { token, tokenHash } = newToken(API_KEY_PREFIX);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [live] = await tx.db
      .select({ n: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.storeId, manager.storeId), isNull(apiKeys.revokedAt)));
    if ((live?.n ?? 0) >= MAX_LIVE_KEYS) {
      throw new ValidationError(
        { key: 'admin.tooManyKeys', values: { max: MAX_LIVE_KEYS } },
        {
          problems: [{ path: [], code: 'TOO_MANY_KEYS' }],
        },
      );
    }
    const scopes = [...new Set(input.scopes)];
    const [key] = await tx.db
      .insert(apiKeys)
      .values({
        storeId: manager.storeId,
        name: input.name,
        prefix: token.slice(0, API_KEY_PREFIX.length + 6),
        tokenHash,
        scopes,
        createdBy: manager.staffId,
        createdAt: tx.now(),
      })
      .returning();
    if (!key) throw new Error('API key not created');
    await recordAudit(tx.db, manager, {
      action: 'api_key.created',
      entity: 'api_key',
      entityId: key.id,
      after: { name: key.name, prefix: key.prefix, scopes },
    });
    return { id: key.id, name: key.name, prefix: key.prefix, scopes, key: token };
  });
}

/** Ends a key at once: its next call is refused, and its open connections are closed. */
export async function revokeApiKey({ ctx, input }: { ctx: DomainContext; input: ApiKeyIdInput }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [key] = await tx.db
      .update(apiKeys)
      .set({ revokedAt: tx.now() })
      .where(
        and(
          eq(apiKeys.id, input.apiKeyId),
          eq(apiKeys.storeId, manager.storeId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (!key) throw new NotFoundError('apiKey', { apiKeyId: input.apiKeyId });
    await recordAudit(tx.db, manager, {
      action: 'api_key.revoked',
      entity: 'api_key',
      entityId: key.id,
      before: { name: key.name, prefix: key.prefix, scopes: key.scopes },
    });
    return { id: key.id };
  });
}

/**
 * When a key was last used, to the minute, so managers see which keys are alive before revoking
 * one. A key read with a fresh `lastUsedAt` costs nothing; otherwise one conditional write, which
 * concurrent calls cannot repeat within the minute.
 */
export async function noteApiKeyUse(ctx: DomainContext, key: ApiKeyPrincipal): Promise<void> {
  const now = ctx.now();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < 60_000) return;
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString();
  await inStore(ctx, key.storeId, ({ db }) =>
    db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, key.apiKeyId),
          sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < ${aMinuteAgo}::timestamptz)`,
        ),
      ),
  );
}
