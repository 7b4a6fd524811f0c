import type { ErrorWords } from '@kds/i18n';
import type { TFunction } from 'i18next';

/**
 * What went wrong, in words for the person at the screen. A request that never reached the
 * server says so (browsers word it "Failed to fetch", "Load failed", "NetworkError..."); a
 * refusal from the server is said in the screen's language from its words (`data.say`), or
 * in the server's English when it sent none.
 */
export function messageFor(error: unknown, t: TFunction<'common'>): string {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || message === '') return t('error.generic');
  if (/failed to fetch|load failed|networkerror|network request failed/i.test(message)) {
    return t('error.offline');
  }
  const say = (error as { data?: { say?: ErrorWords | null } | null }).data?.say;
  return say ? errorText(t, say.key, say.values ?? {}, message) : message;
}

/**
 * A message of the `errors` catalogue through a screen's translator, whatever namespace it is
 * fixed to; `fallback` (the server's English) when the key is unknown (an older screen).
 */
export function errorText(
  t: TFunction<'common'>,
  key: string,
  values: Record<string, unknown>,
  fallback: string,
): string {
  const anyNamespace = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return anyNamespace(`errors:${key}`, { ...values, defaultValue: fallback });
}
