// The one error type the add-in shows: an HTTP status (0 when the request never got an
// answer), the contract's error code, and a message fit for the pane.
import type { ErrorCode } from '../../../shared/api/error-body.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  constructor(options: { status: number; code: ErrorCode; message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
