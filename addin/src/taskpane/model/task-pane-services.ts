// Everything the task pane needs from the outside world, as one injectable object: main.tsx
// wires office.js and the API client in; tests pass fakes.
import type { PersonCard } from '../../../../shared/domain/person-card.ts';
import type { LookupAnswer } from './lookup-people.ts';
import type { PaneAppearance } from '../../office/read-office-theme.ts';
import type { MailItemSnapshot } from '../../office/participant.ts';
import type { GroupServices } from './group-services.ts';
import type { PersonServices } from './person-services.ts';
import type { SearchServices } from './search-services.ts';
import type { SuggestionServices } from './suggestion-services.ts';

export interface TaskPaneServices {
  readCurrentItem(): Promise<MailItemSnapshot | null>;
  /** Resolves to an unsubscribe function. */
  onItemChanged(handler: () => void): Promise<() => void>;
  /** A draft's To / Cc / Bcc changed (compose mode); resolves to an unsubscribe function. */
  onRecipientsChanged?(handler: () => void): Promise<() => void>;
  getUserEmail(): string | null;
  /**
   * One card per address (in any order); the pane matches them by normalized address. `names`
   * (address → display name) feed the first-contact checks. A bare list of cards (older fakes)
   * is read as an answer without safety information.
   */
  lookupPeople(emails: string[], signal: AbortSignal, options?: { names?: ReadonlyMap<string, string> }): Promise<LookupAnswer | PersonCard[]>;
  /** Light or dark from Office, or the system's high contrast. */
  readTheme(): PaneAppearance;
  onThemeChanged?(handler: (theme: PaneAppearance) => void): Promise<() => void>;
  /** Groups and memberships: the add panel, the group page, exports and outreach. */
  groups: GroupServices;
  /** The person page: single lookups, notes, teams. Without it the page shows what the card has. */
  people?: PersonServices;
  /** Search across people, organizations and groups (and organization pages); without it the pane has no search box. */
  search?: SearchServices;
  /** Merge and group suggestions (the header's Suggestions view); the button shows only when set. */
  suggestions?: SuggestionServices;
  /** Opens the network map dialog on a person (wired to addin/src/office dialog code); the action shows only when set. */
  onOpenNetworkMap?(personId: string): void;
  /** Opens the network map dialog on a group (its members and their ties); the group page's action shows only when set. */
  onOpenGroupNetworkMap?(groupId: string): void;
  /** The clock cards measure "4 days ago" against. */
  now?(): Date;
}
