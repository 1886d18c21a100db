// The Outlook-like title bar, clearly marked as a local preview, with the theme switch.
import { Badge, makeStyles, Switch, tokens } from '@fluentui/react-components';
import type { PreviewUser } from './preview-message.ts';
import type { PreviewTheme } from './preview-protocol.ts';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL}`,
    height: '48px',
    flexShrink: 0,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  spacer: { flexGrow: 1 },
  user: { fontSize: tokens.fontSizeBase200 },
  switchLabel: { color: tokens.colorNeutralForegroundOnBrand },
});

export function PreviewTopBar(props: { user: PreviewUser | null; theme: PreviewTheme; onThemeChange: (theme: PreviewTheme) => void }) {
  const styles = useStyles();
  return (
    <header className={styles.bar}>
      <h1 className={styles.title}>Outlook</h1>
      <Badge appearance="filled" color="warning" shape="rounded">
        Local preview — simulated mailbox
      </Badge>
      <span className={styles.spacer} />
      <Switch
        checked={props.theme === 'dark'}
        onChange={(_, data) => props.onThemeChange(data.checked ? 'dark' : 'light')}
        label={{ children: <span className={styles.switchLabel}>Dark theme</span> }}
      />
      {props.user && (
        <span className={styles.user} aria-label="Signed in as">
          {props.user.displayName} · {props.user.email}
        </span>
      )}
    </header>
  );
}
