import { formatMoney } from '@kds/ui';

export const money = (cents: number, currency = 'USD') => formatMoney(cents, currency, 'en-US');

/** "22 Nov, 18:42" in the store's zone. */
export function dateTime(at: Date | string | null | undefined, timeZone?: string): string {
  if (!at) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(at));
}

export function timeOnly(at: Date | string | null | undefined, timeZone?: string): string {
  if (!at) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(at));
}

/** 754 s -> "12 min 34 s". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

const STATUS_WORDS: Record<string, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PLACED: 'New',
  PREPARING: 'Preparing',
  READY: 'Ready',
  OUT_FOR_DELIVERY: 'Out for delivery',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired',
};
export const statusWord = (status: string) => STATUS_WORDS[status] ?? status;
export const fulfilmentWord = (f: string) =>
  ({ dine_in: 'Dine-in', pickup: 'Pickup', delivery: 'Delivery' })[f] ?? f;
export const paymentWord = (p: string) => p.replace('_', ' ');
