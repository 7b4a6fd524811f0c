import type { TFunction } from 'i18next';
import { messageFor } from '../error-message.ts';

/** Where the server said something is wrong: a path like "customer.phone" or "items.1". */
export type ProblemMap = Record<string, string>;

interface ErrorShape {
  message?: string;
  data?: {
    issues?: { path: string[]; message: string }[] | null;
    details?: { problems?: { path: (string | number)[]; message: string }[] } | null;
  };
}

/** Problems from a preview or from a refused order, keyed by the input they are about. */
export function problemsOf(
  previewProblems: { path: (string | number)[]; message: string }[] | undefined,
  error: unknown,
  t: TFunction<'common'>,
): { byPath: ProblemMap; general: string | null } {
  const byPath: ProblemMap = {};
  const add = (path: (string | number)[], message: string) => {
    // A line's problem is shown on the line, whatever part of it is wrong.
    const key = path[0] === 'items' ? `items.${String(path[1])}` : path.join('.');
    byPath[key] = byPath[key] ? `${byPath[key]}; ${message}` : message;
  };
  for (const p of previewProblems ?? []) add(p.path, p.message);
  const shape = error as ErrorShape | null;
  for (const i of shape?.data?.issues ?? []) add(i.path, i.message);
  for (const p of shape?.data?.details?.problems ?? []) add(p.path, p.message);
  const known = Object.keys(byPath).length > 0;
  const general = byPath[''] ?? (error && !known ? messageFor(error, t) : null);
  delete byPath[''];
  return { byPath, general };
}
