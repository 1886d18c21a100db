// What the sign-in dialog (auth-dialog.html) and the task pane say to each other through
// Office's dialog messaging: one message, either the access token or why there is none.
import type { SignInFailureReason } from './sign-in-error.ts';

export const AUTH_DIALOG_PATH = '/auth-dialog.html';
/** The MSAL v5 redirect bridge page the dialog's redirect sign-in comes back to. */
export const AUTH_REDIRECT_PATH = '/auth-redirect.html';

export type AuthDialogMessage =
  | { type: 'crosswalk-sign-in'; accessToken: string }
  | { type: 'crosswalk-sign-in'; failure: SignInFailureReason };

const FAILURE_REASONS = new Set<string>(['not-configured', 'cancelled', 'popup-blocked', 'consent-required', 'unavailable', 'failed']);

export function formatAuthDialogMessage(message: AuthDialogMessage): string {
  return JSON.stringify(message);
}

/** Parses a dialog message; anything not shaped like ours is null (and treated as a failure). */
export function parseAuthDialogMessage(text: string): AuthDialogMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'crosswalk-sign-in') return null;
  const { accessToken, failure } = value as { accessToken?: unknown; failure?: unknown };
  if (typeof accessToken === 'string' && accessToken.length > 0) return { type: 'crosswalk-sign-in', accessToken };
  if (typeof failure === 'string' && FAILURE_REASONS.has(failure)) return { type: 'crosswalk-sign-in', failure: failure as SignInFailureReason };
  return null;
}
