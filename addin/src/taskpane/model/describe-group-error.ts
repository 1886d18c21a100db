// Turns a failed group request into the sentence the pane shows. Permission and concurrency
// failures get the product's own wording (what happened and what to do); others keep the API's
// message, which names the field or the problem.
import { isApiError } from '../../api/api-error.ts';

export const FORBIDDEN_MESSAGE = 'You can view this group but not change it.';
export const CONFLICT_MESSAGE = 'Someone else changed this group; reload and try again.';

export type GroupErrorKind = 'forbidden' | 'conflict' | 'other';

export interface GroupErrorDescription {
  kind: GroupErrorKind;
  message: string;
}

/**
 * `action` says what was tried: creating a group answers 409 for a name already taken, which
 * is not a concurrent edit, so there the API's message is kept.
 */
export function describeGroupError(error: unknown, options: { action: 'change' | 'create' | 'read' }): GroupErrorDescription {
  if (!isApiError(error)) return { kind: 'other', message: 'Something went wrong. Please try again.' };
  if (error.status === 403 && options.action !== 'read') return { kind: 'forbidden', message: FORBIDDEN_MESSAGE };
  if (error.status === 409 && options.action === 'change') return { kind: 'conflict', message: CONFLICT_MESSAGE };
  return { kind: 'other', message: error.message };
}
