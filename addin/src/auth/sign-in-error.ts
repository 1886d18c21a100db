// The typed error sign-in fails with. It is an ApiError, so the pane shows its message like any
// other failure; `reason` lets code and tests tell the cases apart without parsing text.
// Messages say what the user can do; they never carry MSAL's text, which may name the account.
import { ApiError } from '../api/api-error.ts';

export type SignInFailureReason = 'not-configured' | 'cancelled' | 'popup-blocked' | 'consent-required' | 'unavailable' | 'failed';

const USER_MESSAGES: Record<SignInFailureReason, string> = {
  'not-configured': 'Sign-in is not set up for this copy of Crosswalk. Ask your administrator.',
  cancelled: 'Sign-in was cancelled. Open Crosswalk again to sign in.',
  'popup-blocked': 'The sign-in window could not open. Allow pop-ups for Outlook, then try again.',
  'consent-required': 'Your organization has not approved Crosswalk yet. Ask your administrator to grant consent.',
  unavailable: 'Could not reach the Microsoft sign-in service. Check your connection and try again.',
  failed: 'Sign-in to Crosswalk failed. Try again, or ask your administrator if it keeps happening.',
};

export class SignInError extends ApiError {
  readonly reason: SignInFailureReason;

  constructor(options: { reason: SignInFailureReason; cause?: unknown }) {
    super({
      status: 0,
      code: options.reason === 'unavailable' ? 'unavailable' : 'unauthenticated',
      message: USER_MESSAGES[options.reason],
      cause: options.cause,
    });
    this.name = 'SignInError';
    this.reason = options.reason;
  }
}

export function isSignInError(error: unknown): error is SignInError {
  return error instanceof SignInError;
}

/**
 * Classifies an MSAL (or Office dialog) failure by its errorCode. Only the code is read: the
 * error's message can contain the user's name or address and must not reach the pane or logs.
 */
export function classifyMsalError(error: unknown): SignInFailureReason {
  if (isSignInError(error)) return error.reason;
  const code = typeof (error as { errorCode?: unknown })?.errorCode === 'string' ? (error as { errorCode: string }).errorCode : '';
  if (code === 'user_cancelled' || code === 'access_denied') return 'cancelled';
  if (code === 'popup_window_error' || code === 'empty_window_error' || code === 'block_nested_popups') return 'popup-blocked';
  if (code === 'consent_required') return 'consent-required';
  if (code === 'no_network_connectivity' || code === 'endpoints_resolution_error' || code === 'network_error') return 'unavailable';
  return 'failed';
}
