import type { ProblemWords } from '@kds/i18n';
import type { TFunction } from 'i18next';
import { errorText, issueText, messageFor, type InputIssue } from '../error-message.ts';
import type { Format } from '../regional.tsx';

/** Where the server said something is wrong: a path like "customer.phone" or "items.1". */
export type ProblemMap = Record<string, string>;

interface Problem {
  path: (string | number)[];
  /** Absent when the error's own message says it (PAYMENT_METHOD_UNAVAILABLE, SLUG_TAKEN…). */
  message?: string;
  say?: ProblemWords;
}

interface ErrorShape {
  message?: string;
  data?: {
    issues?: InputIssue[] | null;
    details?: { problems?: Problem[] } | null;
  };
}

/**
 * A problem in the reader's language, its moments, days, amounts, distances and countries
 * formatted for them; the server's English when it sends no words for it.
 */
export function problemText(problem: Problem, t: TFunction<'common'>, format: Format): string {
  if (!problem.say) return problem.message ?? '';
  const day = new Intl.DateTimeFormat(format.locale, {
    day: 'numeric',
    month: 'short',
    timeZone: format.region.timeZone,
  });
  const km = new Intl.NumberFormat(format.locale, {
    style: 'unit',
    unit: 'kilometer',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const regions = new Intl.DisplayNames(format.locale, { type: 'region' });
  const values = Object.fromEntries(
    Object.entries(problem.say.values ?? {}).map(([name, value]) => {
      if (name.endsWith('At')) return [name, format.dayClock(value)];
      if (name.endsWith('On')) return [name, day.format(new Date(value))];
      if (name.endsWith('Minor')) return [name, format.money(Number(value))];
      if (name.endsWith('Meters')) return [name, km.format(Number(value) / 1000)];
      if (name.endsWith('Region')) return [name, regions.of(String(value)) ?? value];
      return [name, value];
    }),
  );
  return errorText(t, `problems.${problem.say.key}`, values, problem.message ?? '');
}

/** Problems from a preview or from a refused order, keyed by the input they are about. */
export function problemsOf(
  previewProblems: Problem[] | undefined,
  error: unknown,
  t: TFunction<'common'>,
  format: Format,
): { byPath: ProblemMap; general: string | null } {
  const byPath: ProblemMap = {};
  const add = (path: (string | number)[], message: string) => {
    // A line's problem is shown on the line, whatever part of it is wrong.
    const key = path[0] === 'items' ? `items.${String(path[1])}` : path.join('.');
    byPath[key] = byPath[key] ? `${byPath[key]}; ${message}` : message;
  };
  for (const p of previewProblems ?? []) add(p.path, problemText(p, t, format));
  const shape = error as ErrorShape | null;
  for (const i of shape?.data?.issues ?? []) add(i.path, issueText(i, t));
  for (const p of shape?.data?.details?.problems ?? []) {
    const message = p.message ?? messageFor(error, t);
    add(p.path, problemText({ ...p, message }, t, format));
  }
  const known = Object.keys(byPath).length > 0;
  const general = byPath[''] ?? (error && !known ? messageFor(error, t) : null);
  delete byPath[''];
  return { byPath, general };
}
