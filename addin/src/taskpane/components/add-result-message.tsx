// The inline result of an add or an undo ("4 added to Shelter Network; 1 was already a
// member"), with Undo and a way to open the group. It takes focus when it appears, so a
// keyboard or screen-reader user hears the result right after pressing Add.
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { AddOutcome } from '../model/use-add-to-group.ts';

export function AddResultMessage(props: {
  outcome: AddOutcome;
  busy: boolean;
  onUndo: () => void;
  onReload: () => void;
  onOpenGroup: (groupId: string) => void;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [props.outcome]);
  const { outcome } = props;

  if (outcome.status === 'failed') {
    return (
      <MessageBar ref={ref} tabIndex={-1} intent={outcome.kind === 'forbidden' ? 'warning' : 'error'} layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{outcome.action === 'add' ? 'Not added' : 'Not undone'}</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
        <MessageBarActions>
          {outcome.kind === 'conflict' ? (
            <Button size="small" appearance="primary" onClick={props.onReload}>
              Reload
            </Button>
          ) : (
            <Button size="small" onClick={props.onDismiss}>
              Dismiss
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
    );
  }

  const canUndo = outcome.status === 'added' && (outcome.undo.remove.length > 0 || outcome.undo.restore.length > 0);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={outcome.status === 'added' ? 'success' : 'info'} layout="multiline" role="status">
      <MessageBarBody>
        {outcome.status === 'added' ? outcome.summary : outcome.message}{' '}
        <Link as="button" onClick={() => props.onOpenGroup(outcome.group.id)}>
          View members
        </Link>
      </MessageBarBody>
      {canUndo && (
        <MessageBarActions>
          <Button size="small" onClick={props.onUndo} disabled={props.busy}>
            {props.busy ? 'Undoing…' : 'Undo'}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
