// The suggestions view: what Crosswalk noticed and a person should decide — two addresses that
// may be one person ("Jess moved from the county to the state? Same person / Not the same") and
// groups inferred from mail and meetings (create, create under another name, dismiss). Opened
// from the pane's header; nothing here changes until someone answers.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { SuggestionServices } from '../model/suggestion-services.ts';
import { useSuggestions } from '../model/use-suggestions.ts';
import { EmptyState } from './empty-state.tsx';
import { GroupSuggestionItem } from './group-suggestion-item.tsx';
import { MergeSuggestionItem } from './merge-suggestion-item.tsx';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  back: { alignSelf: 'flex-start' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, outline: 'none' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  outcome: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function SuggestionsView(props: { services: SuggestionServices; onBack: () => void; onDecided?: () => void }) {
  const styles = useStyles();
  const suggestions = useSuggestions(props.services, { onDecided: props.onDecided });
  const { state } = suggestions;
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus follows the view change, so keyboard and screen-reader users land on its title.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className={styles.view}>
      <Button className={styles.back} appearance="subtle" size="small" onClick={props.onBack}>
        ← Back to the message
      </Button>
      <h2 ref={heading} tabIndex={-1} className={styles.title}>
        Suggestions
      </h2>
      <p className={styles.outcome} role="status">
        {suggestions.outcome ?? ''}
      </p>
      {state.status === 'loading' && <Spinner size="tiny" label="Loading suggestions…" labelPosition="after" />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Could not load suggestions</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={suggestions.reload}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && state.merges.length === 0 && state.groups.length === 0 && (
        <EmptyState title="Nothing to review" detail="Crosswalk suggests merges and groups as it notices them in mail and meetings." />
      )}
      {state.status === 'ready' && state.merges.length > 0 && (
        <section className={styles.section} aria-labelledby="crosswalk-merge-suggestions">
          <h3 id="crosswalk-merge-suggestions" className={styles.sectionTitle}>
            Same person?
          </h3>
          <ul className={styles.list}>
            {state.merges.map((suggestion) => (
              <li key={suggestion.id}>
                <MergeSuggestionItem
                  suggestion={suggestion}
                  activity={suggestions.activityOf(suggestion.id)}
                  onSame={() => void suggestions.confirmMerge(suggestion)}
                  onNotSame={() => void suggestions.keepApart(suggestion)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.status === 'ready' && state.groups.length > 0 && (
        <section className={styles.section} aria-labelledby="crosswalk-group-suggestions">
          <h3 id="crosswalk-group-suggestions" className={styles.sectionTitle}>
            Suggested groups
          </h3>
          <ul className={styles.list}>
            {state.groups.map((suggestion) => (
              <li key={suggestion.id}>
                <GroupSuggestionItem
                  suggestion={suggestion}
                  activity={suggestions.activityOf(suggestion.id)}
                  onAccept={(name) => void suggestions.acceptGroup(suggestion, name)}
                  onDismiss={() => void suggestions.dismissGroup(suggestion)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
