// "These people should be in our initiative": tick participants (or all), pick or create a
// group, pick a role, one Add. The panel folds away so the cards stay the pane's first view;
// its form starts over for each message.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useId, useState } from 'react';
import type { GroupServices } from '../model/group-services.ts';
import type { OrderedParticipant } from '../model/order-participants.ts';
import { LoadingState } from './loading-state.tsx';

// The form (comboboxes, checkboxes) loads when first unfolded: most opens of the pane never add anyone.
const AddToGroupForm = lazy(() => import('./add-to-group-form.tsx').then((module) => ({ default: module.AddToGroupForm })));

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  headingRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: 'none' },
});

export interface AddToGroupPanelProps {
  services: GroupServices;
  participants: OrderedParticipant[];
  /** Changes with the open message; the form starts over when it does. */
  itemKey: string;
  onMembershipChanged: () => void;
  onOpenGroup: (groupId: string) => void;
  /** The form's element id (set by the panel: the pane may hold two panels, on a message and on a person page). */
  formId?: string;
}

export function AddToGroupPanel(props: AddToGroupPanelProps) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  // Once opened, the form stays mounted while folded: hiding it must not lose a result and its Undo.
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  const formId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={styles.heading}>
          Add to a group
        </h2>
        <Button
          size="small"
          appearance={expanded ? 'subtle' : 'primary'}
          aria-expanded={expanded}
          aria-controls={formId}
          onClick={() => {
            setExpanded(!expanded);
            setOpened(true);
          }}
        >
          {expanded ? 'Hide' : 'Add people…'}
        </Button>
      </div>
      {opened && (
        <div className={expanded ? undefined : styles.hidden} hidden={!expanded}>
          <Suspense fallback={<LoadingState label="Opening…" count={0} />}>
            <AddToGroupForm key={props.itemKey} {...props} formId={formId} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
