// A page that could not load what it shows: what failed, the API's words, and Retry.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function LoadFailure(props: { title: string; message: string; onRetry: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={props.onRetry}>
          Retry
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
