// Search across people, organizations and groups from the pane: a type-ahead combobox (ARIA 1.2
// pattern: focus stays in the box, arrow keys move through the results, Enter opens one, Escape
// closes the list or clears the box). Results open the person, organization or group in the pane.
// The box is a native input styled with Fluent's tokens: it is on the pane's first screen, and
// Fluent's Input would add a sixth of the pane's first-load budget for the same look.
import { makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, type GroupResult, type OrganizationResult, type PersonResult, type SearchResults } from '../../../../shared/api/search-routes.ts';
import type { SearchServices } from '../model/search-services.ts';
import { useTypeAhead } from '../model/use-type-ahead.ts';

/** The search box's input, where focus returns after a result's page is closed. */
export const SEARCH_INPUT_ID = 'crosswalk-search';

export type SearchChoice =
  | { kind: 'person'; result: PersonResult }
  | { kind: 'organization'; result: OrganizationResult }
  | { kind: 'group'; result: GroupResult };

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  field: { position: 'relative', display: 'flex', alignItems: 'center' },
  input: {
    width: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
    height: '32px',
    padding: `0 ${tokens.spacingHorizontalXXL} 0 ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    // A transparent outline: invisible normally, drawn in the system's colour under forced colours
    // (high contrast), where the brand underline below is not painted.
    outlineWidth: tokens.strokeWidthThick,
    outlineStyle: 'solid',
    outlineColor: 'transparent',
    outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
    '::placeholder': { color: tokens.colorNeutralForeground4, opacity: 1 },
    ':hover': {
      borderTopColor: tokens.colorNeutralStroke1Hover,
      borderRightColor: tokens.colorNeutralStroke1Hover,
      borderLeftColor: tokens.colorNeutralStroke1Hover,
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ':focus': { borderBottomColor: tokens.colorCompoundBrandStroke, boxShadow: `inset 0 -${tokens.strokeWidthThick} 0 ${tokens.colorCompoundBrandStroke}` },
    '@media (forced-colors: active)': { ':focus': { outlineColor: 'Highlight' } },
  },
  busy: { position: 'absolute', right: tokens.spacingHorizontalS },
  popup: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxHeight: '60vh',
    overflowY: 'auto',
  },
  groupLabel: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    color: tokens.colorNeutralForeground3,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
  },
  name: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  secondary: { color: tokens.colorNeutralForeground3 },
  message: { margin: 0, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

function flatten(results: SearchResults | null): SearchChoice[] {
  if (!results) return [];
  return [
    ...results.people.map((result): SearchChoice => ({ kind: 'person', result })),
    ...results.organizations.map((result): SearchChoice => ({ kind: 'organization', result })),
    ...results.groups.map((result): SearchChoice => ({ kind: 'group', result })),
  ];
}

function describeChoice(choice: SearchChoice): { name: string; secondary: string } {
  if (choice.kind === 'person') {
    const { result } = choice;
    return { name: result.displayName, secondary: [result.title, result.organization, result.email].filter(Boolean).join(' · ') };
  }
  if (choice.kind === 'organization') return { name: choice.result.name, secondary: `${choice.result.kindLabel} · ${choice.result.domain}` };
  return { name: choice.result.name, secondary: `${choice.result.kindLabel} · ${choice.result.teamName}` };
}

function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function SearchBox(props: { services: SearchServices; onChoose: (choice: SearchChoice) => void; delayMs?: number }) {
  const styles = useStyles();
  const baseId = useId();
  const listboxId = `${baseId}-results`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const state = useTypeAhead({ services: props.services, text, delayMs: props.delayMs });
  const results = state.status === 'ready' || state.status === 'loading' ? state.results : null;
  const choices = useMemo(() => flatten(results), [results]);
  useEffect(() => setActive(-1), [choices]);

  const showList = open && state.status !== 'idle';
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const choose = (choice: SearchChoice) => {
    setOpen(false);
    props.onChoose(choice);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (choices.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const last = choices.length - 1;
      setActive((current) => (current < 0 ? (step > 0 ? 0 : last) : (current + step + choices.length) % choices.length));
    } else if (event.key === 'Enter') {
      const choice = choices[active] ?? (choices.length === 1 ? choices[0] : undefined);
      if (showList && choice) {
        event.preventDefault();
        choose(choice);
      }
    } else if (event.key === 'Escape') {
      if (showList) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    } else if (event.key === 'Home' && showList && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && showList && active >= 0) {
      event.preventDefault();
      setActive(choices.length - 1);
    }
  };

  const status =
    state.status === 'idle'
      ? text.trim().length > 0
        ? `Type at least ${SEARCH_MIN_LENGTH} characters.`
        : ''
      : state.status === 'error'
        ? `Search failed: ${state.message}`
        : state.status === 'loading' && !state.results
          ? 'Searching…'
          : results && choices.length === 0
            ? `No people, organizations or groups match “${state.text}”.`
            : results
              ? `${countLabel(results.people.length, 'person', 'people')}, ${countLabel(results.organizations.length, 'organization', 'organizations')}, ${countLabel(results.groups.length, 'group', 'groups')}.`
              : '';

  let index = -1;
  const renderGroup = (label: string, kind: SearchChoice['kind']) => {
    const items = choices.filter((choice) => choice.kind === kind);
    if (items.length === 0) return null;
    return (
      <div role="group" aria-labelledby={`${baseId}-${kind}`}>
        <div id={`${baseId}-${kind}`} role="presentation" className={styles.groupLabel}>
          {label}
        </div>
        {items.map((choice) => {
          index += 1;
          const at = index;
          const { name, secondary } = describeChoice(choice);
          return (
            <div
              key={`${kind}:${choice.kind === 'person' ? choice.result.email : choice.result.id}`}
              id={optionId(at)}
              role="option"
              aria-selected={at === active}
              className={mergeClasses(styles.option, at === active && styles.active)}
              // Keep focus in the box: a click must not blur it before it chooses.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(choice)}
            >
              <span className={styles.name}>{name}</span>
              <span className={styles.secondary}>{secondary}</span>
            </div>
          );
        })}
      </div>
    );
  };

  return (
    <div className={styles.box} role="search">
      <label htmlFor={SEARCH_INPUT_ID} className={styles.label}>
        Search people, organizations and groups
      </label>
      <div className={styles.field}>
        <input
          id={SEARCH_INPUT_ID}
          className={styles.input}
          type="text"
          value={text}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Name, address, agency or group"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listboxId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${baseId}-status`}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        {state.status === 'loading' && <Spinner className={styles.busy} size="extra-tiny" aria-hidden="true" />}
      </div>
      {showList && choices.length > 0 && (
        <div id={listboxId} role="listbox" aria-label="Search results" className={styles.popup}>
          {renderGroup('People', 'person')}
          {renderGroup('Organizations', 'organization')}
          {renderGroup('Groups', 'group')}
        </div>
      )}
      <p id={`${baseId}-status`} role="status" className={showList && status && choices.length === 0 ? styles.message : styles.visuallyHidden}>
        {status}
      </p>
    </div>
  );
}
