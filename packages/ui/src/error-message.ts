import type { TFunction } from 'i18next';

/**
 * What went wrong, in words for the person at the screen. A request that never reached the
 * server says so (browsers word it "Failed to fetch", "Load failed", "NetworkError..."); the
 * server's own messages are already written for people.
 */
export function messageFor(error: unknown, t: TFunction<'common'>): string {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || message === '') return t('error.generic');
  if (/failed to fetch|load failed|networkerror|network request failed/i.test(message)) {
    return t('error.offline');
  }
  return message;
}
