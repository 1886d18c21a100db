// When the lookup failed: the error's own message and a way to try again.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ErrorState(props: { message: string; onRetry: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Could not load people</MessageBarTitle>
        {props.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={props.onRetry}>
          Retry
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
