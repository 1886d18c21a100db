// When the lookup failed, by what the user can do: reconnect (offline; the pane also retries
// by itself once back online), sign in again (token failure), or retry (anything else).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PaneError } from '../model/describe-pane-error.ts';

const actionLabels: Record<PaneError['kind'], string> = { offline: 'Try again', 'sign-in': 'Sign in again', failed: 'Retry' };

export function ErrorState(props: { error: PaneError; onRetry: () => void }) {
  const { error } = props;
  return (
    <MessageBar intent={error.kind === 'offline' ? 'warning' : 'error'} layout="multiline" role="alert" data-error-kind={error.kind}>
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={props.onRetry}>
          {actionLabels[error.kind]}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
