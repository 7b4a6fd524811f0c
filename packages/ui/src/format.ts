/** 754 -> "12:34"; an hour or more -> "1:02:03". Negative durations count as zero. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Minor units in the currency's own decimals ("$18.40", "￥1,840"): the API's money module. */
export { formatMoney } from '@kds/api/client';

/**
 * Server time from a reading taken around a request: the midpoint of the round trip is the
 * best local estimate of when the server read its clock.
 */
export function clockOffset(serverTime: string, sentAt: number, receivedAt: number): number {
  return new Date(serverTime).getTime() - (sentAt + receivedAt) / 2;
}
