/** A message catalogue: messages by key, grouped. */
export interface Messages {
  [key: string]: string | Messages;
}

/**
 * Another language's catalogue has exactly English's keys (the compiler names a missing one),
 * plus the plural forms English lacks: Spanish says "1.000.000 de pedidos" with `_many`.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
} & { [plural: `${string}_many`]: string };

/** "kitchen.bump.label" for every message, in order. */
export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
