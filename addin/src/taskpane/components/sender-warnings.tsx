// Safety warnings about one participant, above their card: a display name carrying another
// address, a domain that imitates a known organization's, a government name from free mail.
// The API's own sentences are shown as text (never as markup).
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { SenderWarning } from '../../../../shared/domain/sender-safety.ts';

const titles: Record<SenderWarning['kind'], string> = {
  'display-name-address': 'Name shows another address',
  'lookalike-domain': 'Look-alike domain',
  'gov-name-from-freemail': 'Government name, free email',
};

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function SenderWarnings(props: { warnings: readonly SenderWarning[]; name: string }) {
  const styles = useStyles();
  if (props.warnings.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={`Warnings about ${props.name}`}>
      {props.warnings.map((warning, index) => (
        <li key={`${warning.kind}:${index}`}>
          <MessageBar intent="error" layout="multiline" data-warning-kind={warning.kind}>
            <MessageBarBody>
              <MessageBarTitle>{titles[warning.kind]}</MessageBarTitle> {warning.message}
            </MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
