import type { FastifyServerOptions } from 'fastify';

/**
 * What the server writes in its log, and what it never does. Logs travel further than the
 * database (log shippers, support tickets, screenshots), so they carry no secrets and no guest:
 * - URLs lose their query string (tRPC GET inputs: phone numbers, searches) and the tokens in
 *   their path (`/track/<token>`, `/pay/<session>`);
 * - errors keep their type, code, message and stack, never a database error's parameters (the
 *   values of the row being written) or its detail, and their text is scrubbed like the rest;
 * - fields named like secrets or personal data are replaced, and emails, phone numbers and
 *   tokens are masked wherever they appear in text.
 */
export function loggerOptions(options: {
  level: string;
  stream?: { write(line: string): void };
}): FastifyServerOptions['logger'] {
  return {
    level: options.level,
    ...(options.stream ? { stream: options.stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: safeUrl(req.url ?? ''),
        remoteAddress: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (error: Error) => ({ stack: '', ...safeError(error) }),
    },
    formatters: {
      log: (object: Record<string, unknown>) => scrubObject(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as typeof args,
        );
      },
    },
  };
}

const SENSITIVE_KEY =
  /^(to|recipient|email|phone|token|password|secret|authorization|cookie|customerName|customerPhone|customerEmail|address|params|parameters|detail)$/i;

const PATTERNS: [RegExp, string][] = [
  [/kds_[sd]_[A-Za-z0-9_-]{16,}/g, '[token]'],
  [/\b(?:whsec|sk|rk|pk)_(?:live|test|simulated)?_?[A-Za-z0-9]{8,}/g, '[secret]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\+\d[\d ().-]{6,}\d/g, '[phone]'],
  [/\/(track|pay)\/[^/?#\s"]+/g, '/$1/[token]'],
  // A query string in a message (Fastify's "Route GET:/x?a=b not found").
  [/(\S)\?[\w%.[\]-]+=[^\s"']*/g, '$1'],
];

/** Masks emails, phone numbers, tokens and keys in free text. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A URL as it may be logged: no query string, no token in its path. */
export function safeUrl(url: string): string {
  return scrubText(url.split('?')[0] ?? '');
}

/** Plain data only: requests, replies and errors are the serializers' to describe. */
function scrubObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      SENSITIVE_KEY.test(key) && v !== null && v !== undefined
        ? '[redacted]'
        : scrubObject(v, depth + 1);
  }
  return out;
}

interface SafeError {
  type: string;
  message: string;
  code?: unknown;
  stack?: string;
  cause?: SafeError;
}

/**
 * An error as it may be logged. Drizzle puts the query's parameters into its message
 * ("Failed query: … params: <values>"), PostgreSQL's errors carry `detail` with values: neither
 * reaches the log.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrubText(String(error)) };
  const withoutParams = (text: string) =>
    scrubText(text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]'));
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    message: withoutParams(error.message),
    ...(code !== undefined ? { code } : {}),
    ...(error.stack ? { stack: withoutParams(error.stack) } : {}),
    ...(error.cause && depth < 3 ? { cause: safeError(error.cause, depth + 1) } : {}),
  };
}
