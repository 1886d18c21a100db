// The one error type of the functions app: a typed code (mapped to an HTTP status in one
// place, http-status-for.ts) and the cause it wraps.
import type { ErrorCode } from '../../../shared/api/error-body.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Seconds a client should wait before retrying (rate-limited / unavailable). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
