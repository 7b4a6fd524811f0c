/**
 * Typed domain errors. One tRPC middleware maps them to tRPC codes (see trpc.ts); the domain
 * never knows about transport.
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

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, details?: Record<string, unknown>) {
    super(`${entity} not found`, { entity, ...details });
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(from: string, action: string) {
    super(`cannot ${action} an order that is ${from}`, { from, action });
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
