import { isAuthError, useTRPC } from '@kds/ui';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyEvent } from './apply-event.ts';
import { cachedSnapshot, keepSnapshot } from './offline-snapshot.ts';
import type { Board, StoredEvent } from './types.ts';
import { useAcknowledge, useFollowOtherCaches } from './use-board-sync.ts';

export interface LiveBoard {
  board: Board | undefined;
  /** Server time minus local time, in ms: timers run on the server's clock. */
  clockOffsetMs: number;
  lastEventAt: number | null;
  /** True once the snapshot is drawn and the subscription from its cursor is running. */
  subscribed: boolean;
  error: unknown;
}

/**
 * The kitchen's tickets: a snapshot and its cursor in the query cache, then every event from
 * that cursor applied to it. tRPC resends the last tracked id on reconnect, so a screen resumes
 * without a reload; when the server says the gap is too old, or an event names a ticket this
 * screen does not hold, the snapshot is reloaded and the subscription restarts from it.
 */
export function useLiveBoard(onEvent: (event: StoredEvent) => void): LiveBoard {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const followOtherCaches = useFollowOtherCaches();
  const snapshotOptions = trpc.kitchen.tickets.queryOptions({});
  const snapshot = useQuery({
    ...snapshotOptions,
    initialData: () => cachedSnapshot<Board>('tickets'),
    initialDataUpdatedAt: 0,
  });
  useEffect(() => {
    if (snapshot.data) keepSnapshot('tickets', snapshot.data);
  }, [snapshot.data]);
  const [epoch, setEpoch] = useState<{ cursor: string } | null>(null);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  const cursorOfSnapshot = snapshot.data?.cursor;
  useEffect(() => {
    if (cursorOfSnapshot !== undefined && epoch === null) setEpoch({ cursor: cursorOfSnapshot });
  }, [cursorOfSnapshot, epoch]);

  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...snapshotOptions, staleTime: 0 });
    setEpoch({ cursor: fresh.cursor });
  }, [queryClient, snapshotOptions]);

  const subscription = useSubscription(
    trpc.kitchen.onEvent.subscriptionOptions(epoch ? { lastEventId: epoch.cursor } : skipToken, {
      onData: ({ data }) => {
        setLastEventAt(Date.now());
        if (data.type === 'stream.resync') return void reload();
        let stale = false;
        queryClient.setQueryData(snapshotOptions.queryKey, (old) => {
          if (!old) return old;
          const next = applyEvent(old, data);
          if (!next) stale = true;
          return next ?? old;
        });
        followOtherCaches(data);
        if (stale) void reload();
        onEventRef.current(data);
      },
      // Signed out, unpaired, suspended: the stream ends UNAUTHORIZED. Re-reading the screen's
      // config finds out for sure, and the app goes back to the sign-in screen.
      onError: (error) => {
        if (isAuthError(error))
          void queryClient.invalidateQueries(trpc.kitchen.config.queryFilter());
      },
    }),
  );

  useAcknowledge(snapshot.data?.cursor);

  // A snapshot kept on the device carries the server's time of long ago: until a fresh one
  // arrives, the timers run on this screen's own clock.
  const serverTime = snapshot.isFetchedAfterMount ? snapshot.data?.serverTime : undefined;
  const clockOffsetMs = useMemo(
    () => (serverTime ? new Date(serverTime).getTime() - Date.now() : 0),
    [serverTime],
  );
  return {
    board: snapshot.data,
    clockOffsetMs,
    lastEventAt,
    subscribed: snapshot.data !== undefined && subscription.status === 'pending',
    error: snapshot.error,
  };
}
