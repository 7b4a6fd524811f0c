import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * Paging newest first on (created_at, id): rows written in one transaction share created_at,
 * so the id breaks ties. The comparison is one index range, however deep the page.
 */
export const PageCursor = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
export type PageCursor = z.infer<typeof PageCursor>;

/** Rows after `cursor` in (created_at, id) order, descending or ascending. */
export function beyond(
  columns: { createdAt: PgColumn; id: PgColumn },
  cursor: { createdAt: string | Date; id: string } | undefined | null,
  direction: 'desc' | 'asc' = 'desc',
): SQL | undefined {
  if (!cursor) return undefined;
  const at = new Date(cursor.createdAt).toISOString();
  return direction === 'desc'
    ? sql`(${columns.createdAt}, ${columns.id}) < (${at}::timestamptz, ${cursor.id}::uuid)`
    : sql`(${columns.createdAt}, ${columns.id}) > (${at}::timestamptz, ${cursor.id}::uuid)`;
}

/** Fetch `limit + 1` rows; this keeps `limit` and says where the next page starts, if any. */
export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next:
      rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  };
}
