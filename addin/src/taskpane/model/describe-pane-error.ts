// What the pane says when a lookup fails, by what the user can do about it: reconnect
// (offline: Crosswalk unreachable), sign in again (the token could not be had or was refused),
// or try again (anything else, in the API's own words; never raw internals).
import { isApiError } from '../../api/api-error.ts';
import { isSignInError } from '../../auth/sign-in-error.ts';

export type PaneErrorKind = 'offline' | 'sign-in' | 'failed';

export interface PaneError {
  kind: PaneErrorKind;
  title: string;
  message: string;
}

const OFFLINE_MESSAGE = 'Crosswalk is not reachable right now. Check your connection; the pane tries again when you are back online.';

export function describePaneError(error: unknown, options: { online: boolean }): PaneError {
  if (isSignInError(error)) {
    if (error.reason === 'unavailable') return { kind: 'offline', title: 'You are offline', message: error.message };
    return { kind: 'sign-in', title: 'Sign-in needed', message: error.message };
  }
  if (!options.online) return { kind: 'offline', title: 'You are offline', message: OFFLINE_MESSAGE };
  if (isApiError(error)) {
    if (error.code === 'unauthenticated') {
      return { kind: 'sign-in', title: 'Sign-in needed', message: 'Your sign-in to Crosswalk has expired or was refused. Sign in again to see the people on this message.' };
    }
    if (error.status === 0 && error.code === 'unavailable') return { kind: 'offline', title: 'Crosswalk is unreachable', message: error.message };
    return { kind: 'failed', title: 'Could not load people', message: error.message };
  }
  return { kind: 'failed', title: 'Could not load people', message: 'Something went wrong while loading the people on this message.' };
}
