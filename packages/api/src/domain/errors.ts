import { type ErrorWords, type ProblemWords, translatorFor } from '@kds/i18n';

/**
 * Typed domain errors. One tRPC middleware maps them to tRPC codes (see trpc.ts); the domain
 * never knows about transport. Each says why in the `errors` catalogue's words: `message` is
 * their English (for logs and the integration API), `say` lets a screen put them in its
 * reader's language.
 */
export abstract class DomainError extends Error {
  abstract readonly code:
    | 'NOT_FOUND'
    | 'INVALID_TRANSITION'
    | 'CONFLICT'
    | 'FORBIDDEN'
    | 'UNAUTHORIZED'
    | 'VALIDATION'
    | 'RATE_LIMITED';
  /** Structured details safe to show to the caller. */
  readonly details: Record<string, unknown> | undefined;
  readonly say: ErrorWords;

  constructor(say: ErrorWords, details?: Record<string, unknown>) {
    super(englishOf(say));
    this.name = new.target.name;
    this.say = say;
    this.details = details;
  }
}

/** An error's words in English, as the catalogue has them. */
export function englishOf(say: ErrorWords): string {
  return translatorFor('en', 'errors')(say.key, say.values ?? {});
}

type Input = Extract<ErrorWords['key'], `input.${string}`> extends `input.${infer I}` ? I : never;

// A schema's message as its words, by its English (zod keeps only the message).
const inputWords = new Map<string, ErrorWords>();

/**
 * A schema's message for a field that is not right as typed, from the `errors.input`
 * catalogue: its English, for zod; a refusal finds its words again with `wordsOfInput`.
 */
export function inputError(key: Input, values?: Record<string, string>): string {
  const say: ErrorWords = { key: `input.${key}`, ...(values && { values }) };
  const english = englishOf(say);
  inputWords.set(english, say);
  return english;
}

export const wordsOfInput = (message: string): ErrorWords | null => inputWords.get(message) ?? null;

type Entity =
  Extract<ErrorWords['key'], `notFound.${string}`> extends `notFound.${infer E}` ? E : never;

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: Entity, details?: Record<string, unknown>) {
    super({ key: `notFound.${entity}` }, { entity, ...details });
  }
}

type Transition =
  Extract<ErrorWords['key'], `transition.${string}`> extends `transition.${infer T}` ? T : never;

/** Not in a state to do this; `from` is the order's status (or the item's, the message's). */
export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(from: string, action: Transition, values?: Record<string, string>) {
    super({ key: `transition.${action}`, values: { status: from, ...values } }, { from, action });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class UnauthorizedError extends DomainError {
  readonly code = 'UNAUTHORIZED';
}

/** A request that is well-formed but cannot be honoured (sold out, closed, bad modifier...). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

/**
 * Refused for one input: the problem on `path` (its English and its words) is also the
 * error's own message.
 */
export function problemError(
  path: (string | number)[],
  code: string,
  say: ProblemWords,
): ValidationError {
  const words: ErrorWords = {
    key: `problems.${say.key}`,
    ...(say.values && { values: say.values }),
  };
  return new ValidationError(words, {
    problems: [{ path, code, message: englishOf(words), say }],
  });
}
