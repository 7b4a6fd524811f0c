import type { ErrorWords } from '@kds/i18n';
import type { TFunction } from 'i18next';
import { es } from 'zod/locales';

/** A field the server found not right as typed (see the server's `issueOf`). */
export interface InputIssue {
  path: string[];
  message: string;
  say?: ErrorWords | null;
  zod?: Record<string, unknown> | null;
}

// Zod's own translations of its messages, for the languages KDS speaks other than English.
const zodLocales = { es };
const zodMaps = new Map<string, ReturnType<(typeof zodLocales)['es']>['localeError']>();

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
  const data = (error as { data?: { say?: ErrorWords | null; issues?: InputIssue[] | null } }).data;
  if (data?.say) return errorText(t, data.say.key, data.say.values ?? {}, message);
  if (data?.issues?.length) {
    return data.issues
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issueText(issue, t)}`)
      .join('; ');
  }
  return message;
}

/**
 * What is wrong with a field, in the reader's language: the schema's own words, else zod's
 * translation of its issue, else the server's English.
 */
export function issueText(issue: InputIssue, t: TFunction<'common'>): string {
  if (issue.say) return errorText(t, issue.say.key, issue.say.values ?? {}, issue.message);
  const language = ((t as unknown as { lng?: string }).lng ?? 'en').split('-')[0] ?? 'en';
  // A wrong type says what it received, and the server never sends the input back.
  const translatable = issue.zod && issue.zod.code !== 'invalid_type';
  if (!translatable || !(language in zodLocales)) return issue.message;
  let map = zodMaps.get(language);
  if (!map)
    zodMaps.set(language, (map = zodLocales[language as keyof typeof zodLocales]().localeError));
  const said = map(issue.zod as never);
  return (typeof said === 'string' ? said : said?.message) ?? issue.message;
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
