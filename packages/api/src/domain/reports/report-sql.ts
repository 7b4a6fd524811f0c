import { executeRows, type Queryable } from '@kds/db';
import { sql, type SQL } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { inStore } from '../transaction.ts';

/**
 * The report's aggregates, worked out by the database in one statement (one snapshot), so a
 * year of a busy store costs the server a few kilobytes instead of every order, item and event.
 * It follows `computeReport` rule for rule; `report-sql.int.test.ts` checks that both give the
 * same numbers on a generated history with recalls, added items, cancellations and refunds.
 *
 * Ticket times, as `replayTicket` does them in order of `seq`:
 * - an item counts from its last appearance in `order.placed` / `order.items_added`, or from
 *   the last recall that named it (or named no item, which recalls them all), whichever is later;
 * - after that point, its last `ticket.item_bumped` finishes it; without one, the first
 *   `ticket.bumped` does;
 * - the order is ready at its last `ticket.bumped` unless a recall came after it.
 * Instants are whole milliseconds (as a JavaScript Date holds them); seconds are rounded half
 * up; percentiles are nearest-rank (`percentile_disc` computes ceil(p x n) in double precision, as
 * `percentile` does).
 */
export interface ReportAggregates {
  counts: {
    orders: number;
    completed: number;
    canceled: number;
    placedOrCanceled: number;
    online: number;
    onlinePlaced: number;
  };
  sold: {
    revenueCents: number;
    netSalesCents: number;
    itemCostCents: number;
    tipsCents: number;
    discountCents: number;
    discountOrders: number;
  };
  feesCents: number;
  /** Orders and revenue per store-local day and hour. */
  sales: { day: string; hour: number; orders: number; revenueCents: number }[];
  byCode: { code: string; orders: number; cents: number }[];
  items: { name: string; quantity: number; revenueCents: number }[];
  messages: { channel: string; sent: number; failed: number; costMicros: number }[];
  spreads: {
    kind: 'ready' | 'hour' | 'dispatch' | 'road' | 'item' | 'station';
    key: string | null;
    count: number;
    p50: number;
    p90: number;
    mean: number;
  }[];
}

const ticketEvents = sql.join(
  [
    'order.placed',
    'order.items_added',
    'ticket.item_bumped',
    'ticket.bumped',
    'ticket.recalled',
    'order.canceled',
    'order.dispatched',
    'order.completed',
  ].map((type) => sql`${type}`),
  sql`, `,
);

/** A jsonb value if it is an array, else an empty array (as `?? []` does in the replay). */
const arrayOr = (value: SQL) =>
  sql`(case jsonb_typeof(${value}) when 'array' then ${value} else '[]'::jsonb end)`;

/** Whole seconds between two millisecond instants, rounded half up like Math.round. */
const seconds = (from: SQL, to: SQL) => sql`floor((${to} - ${from}) / 1000.0 + 0.5)`;

type Range = { storeId: string; from: string; to: string; timeZone: string };

/**
 * The range's orders (`r`), the ones sold (`sold`) with what was refunded of them, and the sold
 * orders whose ticket times are not kept (`live`). Only refunded payments are joined here: a
 * year has hundreds of thousands of payments and a few thousand refunds.
 */
const orderCtes = ({ storeId, from, to }: Range) => sql`
    r as materialized (
      select o.id, o.status, o.payment_method, o.placed_at, o.subtotal_cents, o.discount_cents,
        o.tip_cents, o.total_cents, o.cost_cents, o.discount_code_id, o.ticket_times_kept,
        (o.placed_at is not null and o.status <> 'CANCELED') as sold
      from orders o
      where o.store_id = ${storeId} and o.business_date between ${from} and ${to}
    ),
    refunds as (
      select p.order_id, sum(p.refunded_cents) as refunded
      from payments p join r on r.id = p.order_id
      where p.refunded_cents <> 0
      group by p.order_id
    ),
    sold as materialized (
      select r.*, coalesce(f.refunded, 0) as refunded
      from r left join refunds f on f.order_id = r.id
      where r.sold
    ),
    live as (select id from sold where not ticket_times_kept)`;

/**
 * The kitchen events (`ev`) of the orders in `live`, and each order's story told by them. An
 * order's events are its store's, so the store is not asked again: given both, the planner of
 * a never-analyzed PGlite intersects the order's index with the store's and reads every event
 * of the store (15 ms for one order in a month of history, instead of 2). A few orders read
 * their events through the order's index (`byOrder`; `offset 0` keeps PostgreSQL from turning
 * that back into a join that reads every event); many orders join them in one pass.
 */
const eventCtes = (byOrder: boolean) => sql`
    ev as materialized (
      select e.order_id, e.seq, e.type,
        floor(extract(epoch from e.created_at) * 1000)::bigint as ms,
        case e.type
          when 'order.placed' then ${arrayOr(sql`e.payload->'ticket'->'items'`)}
          when 'order.items_added' then ${arrayOr(sql`e.payload->'items'`)}
          when 'ticket.item_bumped' then ${arrayOr(sql`e.payload->'itemIds'`)}
          when 'ticket.recalled' then ${arrayOr(sql`e.payload->'itemIds'`)}
        end as list
      from ${
        byOrder
          ? sql`live s cross join lateral (
              select * from order_events e where e.order_id = s.id and e.type in (${ticketEvents})
              offset 0
            ) e`
          : sql`order_events e join live s on s.id = e.order_id where e.type in (${ticketEvents})`
      }
    ),
    story as (
      select order_id,
        (max(array[seq, ms]) filter (where type = 'order.placed'))[2] as placed_ms,
        bool_or(type = 'order.canceled') as canceled,
        max(array[seq, ms]) filter (where type = 'ticket.bumped') as bump,
        max(seq) filter (where type = 'ticket.recalled') as recall_seq,
        (max(array[seq, ms]) filter (where type = 'order.dispatched'))[2] as dispatched_ms,
        (max(array[seq, ms]) filter (where type = 'order.completed'))[2] as completed_ms
      from ev group by order_id
    )`;

/** When each item was done (`done`), and each ticket's READY and completeness (`tickets`). */
const itemCtes = sql`
    added as (
      select distinct on (ev.order_id, i->>'id')
        ev.order_id, i->>'id' as item_id, i->>'stationId' as station_id, i->>'name' as name,
        ev.seq as added_seq
      from ev cross join lateral jsonb_array_elements(ev.list) as i
      where ev.type in ('order.placed', 'order.items_added')
      order by ev.order_id, i->>'id', ev.seq desc
    ),
    recalls as (
      select order_id, seq, list as ids
      from ev where type = 'ticket.recalled'
    ),
    recall_item as (
      select order_id, x as item_id, max(seq) as seq
      from recalls cross join lateral jsonb_array_elements_text(ids) as x
      group by order_id, x
    ),
    recall_all as (
      select order_id, max(seq) as seq from recalls where jsonb_array_length(ids) = 0 group by order_id
    ),
    item_bumps as (
      select ev.order_id, x as item_id, ev.seq, ev.ms
      from ev cross join lateral jsonb_array_elements_text(ev.list) as x
      where ev.type = 'ticket.item_bumped'
    ),
    ticket_bumps as (select order_id, seq, ms from ev where type = 'ticket.bumped'),
    items as (
      select a.order_id, a.item_id, a.station_id, a.name,
        greatest(a.added_seq, ri.seq, ra.seq) as reset_seq
      from added a
      left join recall_item ri on ri.order_id = a.order_id and ri.item_id = a.item_id
      left join recall_all ra on ra.order_id = a.order_id
    ),
    done as materialized (
      select it.order_id, it.station_id, it.name,
        coalesce(
          (max(array[b.seq, b.ms]) filter (where b.seq > it.reset_seq))[2],
          (min(array[t.seq, t.ms]) filter (where t.seq > it.reset_seq))[2]
        ) as done_ms
      from items it
      left join item_bumps b on b.order_id = it.order_id and b.item_id = it.item_id
      left join ticket_bumps t on t.order_id = it.order_id
      group by it.order_id, it.item_id, it.station_id, it.name
    ),
    tickets as materialized (
      select s.order_id, s.placed_ms, s.dispatched_ms, s.completed_ms,
        case when (s.bump)[1] > coalesce(s.recall_seq, -1) then (s.bump)[2] end as ready_ms,
        coalesce(d.complete, true) as complete
      from story s
      left join (
        select order_id, bool_and(done_ms is not null) as complete from done group by order_id
      ) d on d.order_id = s.order_id
      where s.placed_ms is not null and not s.canceled
    )`;

/**
 * Every ticket time of the orders in `live` as (order_id, kind, key, seconds); a station's key
 * is its id (its name is looked up when the report is made).
 */
const measuresCte = (timeZone: SQL | string) => sql`
    measures as (
      select order_id, 'ready' as kind, null as key, ${seconds(sql`placed_ms`, sql`ready_ms`)} as seconds
        from tickets where ready_ms is not null and complete
      union all
      select order_id, 'hour',
        extract(hour from to_timestamp(placed_ms / 1000.0) at time zone ${timeZone})::text,
        ${seconds(sql`placed_ms`, sql`ready_ms`)}
        from tickets where ready_ms is not null and complete
      union all
      select order_id, 'dispatch', null, ${seconds(sql`ready_ms`, sql`dispatched_ms`)}
        from tickets where dispatched_ms is not null and ready_ms is not null
      union all
      select order_id, 'road', null, ${seconds(sql`dispatched_ms`, sql`completed_ms`)}
        from tickets where dispatched_ms is not null and completed_ms is not null
      union all
      select d.order_id, 'item', d.name, ${seconds(sql`t.placed_ms`, sql`d.done_ms`)}
        from done d join tickets t on t.order_id = d.order_id where d.done_ms is not null
      union all
      select x.order_id, 'station', x.station_id, ${seconds(sql`t.placed_ms`, sql`x.last_ms`)}
        from (
          select order_id, station_id, max(done_ms) as last_ms, bool_and(done_ms is not null) as all_done
          from done group by order_id, station_id
        ) x
        join tickets t on t.order_id = x.order_id
        where x.all_done
    )`;

/**
 * The replay of the events of the orders in a CTE named `live` (an `id` column) into
 * `measures`: what `computeReport` derives from each order's events, one row per ticket time.
 */
export const replayCtes = (timeZone: SQL | string, { byOrder }: { byOrder: boolean }) =>
  sql`${eventCtes(byOrder)}, ${itemCtes}, ${measuresCte(timeZone)}`;

/**
 * Count, p50, p90 and mean of each kind and key, over the replayed measures and the ones kept
 * in `ticket_times`. Values are counted first, so the percentiles walk a few thousand distinct
 * (kind, key, seconds) rows instead of sorting millions; nearest rank as `percentile_disc`.
 */
const spreadCtes = ({ storeId, from, to }: Range) => sql`
    counted as (
      select u.kind, case when u.kind = 'station' then coalesce(st.name, u.key) else u.key end as key,
        u.v, sum(u.c) as c
      from (
        select kind, key, seconds as v, count(*) as c from measures group by 1, 2, 3
        union all
        select kind, key, seconds, count(*) from ticket_times
        where store_id = ${storeId} and business_date between ${from} and ${to}
        group by 1, 2, 3
      ) u
      left join stations st on u.kind = 'station' and st.store_id = ${storeId} and st.id::text = u.key
      group by 1, 2, 3
    ),
    running as (
      select kind, key, v,
        sum(c) over (partition by kind, key order by v) as cum,
        sum(c) over (partition by kind, key) as n,
        sum(v * c) over (partition by kind, key) as total
      from counted
    ),
    spreads as (
      select kind, key, max(n) as n,
        min(v) filter (where cum >= greatest(1, ceil(0.5::float8 * n))) as p50,
        min(v) filter (where cum >= greatest(1, ceil(0.9::float8 * n))) as p90,
        floor(max(total) / max(n) + 0.5) as mean
      from running group by kind, key
    )`;

/**
 * One JSON object with every section of the report. Sales are summed per quarter hour of UTC
 * first and only those quarters are turned into the store's days and hours: every time zone's
 * offset, and every daylight-saving change, falls on a quarter hour, so this is exact, and it
 * converts a few thousand instants instead of every order.
 */
const sections = ({ storeId, from, to, timeZone }: Range) => sql`
    select json_build_object(
      'counts', (
        select json_build_object(
          'orders', count(*) filter (where placed_at is not null),
          'completed', count(*) filter (where placed_at is not null and status = 'COMPLETED'),
          'canceled', count(*) filter (where status = 'CANCELED'),
          'placedOrCanceled', count(*) filter (where placed_at is not null or status = 'CANCELED'),
          'online', count(*) filter (where payment_method = 'online'),
          'onlinePlaced', count(*) filter (where payment_method = 'online' and placed_at is not null)
        ) from r
      ),
      'sold', (
        select json_build_object(
          'revenueCents', coalesce(sum(total_cents - refunded), 0),
          'netSalesCents', coalesce(sum(subtotal_cents - discount_cents - refunded), 0),
          'itemCostCents', coalesce(sum(cost_cents), 0),
          'tipsCents', coalesce(sum(tip_cents), 0),
          'discountCents', coalesce(sum(discount_cents), 0),
          'discountOrders', count(*) filter (where discount_cents <> 0)
        ) from sold
      ),
      'feesCents', (
        select coalesce(sum(p.fee_cents), 0) from payments p join r on r.id = p.order_id
      ),
      'sales', (
        select coalesce(json_agg(json_build_object('day', day, 'hour', hour, 'orders', orders, 'revenueCents', revenue)), '[]')
        from (
          select to_char(slot at time zone ${timeZone}, 'YYYY-MM-DD') as day,
            extract(hour from slot at time zone ${timeZone})::int as hour,
            sum(orders) as orders, sum(revenue) as revenue
          from (
            select date_bin('15 minutes', placed_at, timestamptz '2000-01-01Z') as slot,
              count(*) as orders, sum(total_cents - refunded) as revenue
            from sold group by 1
          ) q
          group by 1, 2
        ) h
      ),
      'byCode', (
        select coalesce(json_agg(json_build_object('code', code, 'orders', orders, 'cents', cents)), '[]')
        from (
          select coalesce(dc.code, 'removed code') as code, count(*) as orders,
            sum(s.discount_cents) as cents
          from sold s left join discount_codes dc on dc.id = s.discount_code_id
          where s.discount_cents <> 0 group by 1
        ) c
      ),
      'items', (
        select coalesce(json_agg(json_build_object('name', name, 'quantity', quantity, 'revenueCents', revenue)), '[]')
        from (
          select i.name, sum(i.quantity) as quantity, sum(i.line_total_cents) as revenue
          from order_items i join orders o on o.id = i.order_id
          where o.store_id = ${storeId} and o.business_date between ${from} and ${to}
            and o.placed_at is not null and o.status <> 'CANCELED'
          group by i.name
        ) t
      ),
      'messages', (
        select coalesce(json_agg(json_build_object('channel', channel, 'sent', sent, 'failed', failed, 'costMicros', cost)), '[]')
        from (
          select m.channel, count(*) filter (where m.status = 'sent') as sent,
            count(*) filter (where m.status = 'failed') as failed,
            coalesce(sum(m.cost_micros), 0) as cost
          from outbox m join r on r.id = m.order_id group by m.channel
        ) m
      ),
      'spreads', (
        select coalesce(json_agg(json_build_object('kind', kind, 'key', key, 'count', n, 'p50', p50, 'p90', p90, 'mean', mean)), '[]')
        from spreads
      )
    ) as report`;

/** The statement itself (for EXPLAIN in the benchmark). */
export const reportQuery = (range: Range) =>
  sql`with ${orderCtes(range)}, ${replayCtes(range.timeZone, { byOrder: false })}, ${spreadCtes(range)} ${sections(range)}`;

/**
 * Two planner settings for a statement over a store's history, local to its transaction:
 * - JIT off: on a year of events PostgreSQL's JIT spent about 5 of 21 seconds compiling it;
 * - no nested loops where a hash or merge join will do: every join here is between large sets,
 *   and where the statistics are missing or stale (embedded PGlite has no autovacuum to gather
 *   them) the planner expects one row per CTE and nests loops: a month took minutes, not 2 s.
 */
async function planForHistory(tx: Queryable): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local enable_nestloop = off`);
}

/** Runs the report's statement in its own transaction, planned for a history. */
export async function reportAggregates(
  ctx: DomainContext,
  range: Range,
): Promise<ReportAggregates> {
  const rows = await inStore(ctx, range.storeId, async ({ db }) => {
    await planForHistory(db);
    return executeRows<{ report: ReportAggregates }>(db, reportQuery(range));
  });
  // Both drivers parse json columns.
  const report = rows[0]?.report;
  if (!report) throw new Error('the report query returned no row');
  return report;
}
