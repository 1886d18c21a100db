// All repositories over one opened store.
import type { CosmosStore } from './cosmos-store.ts';
import { createAuditRepository, type AuditRepository } from './audit-repository.ts';
import { createEdgesRepository, type EdgesRepository } from './edges-repository.ts';
import { createGroupsRepository, type GroupsRepository } from './groups-repository.ts';
import { createInteractionsRepository, type InteractionsRepository } from './interactions-repository.ts';
import { createOrganizationsRepository, type OrganizationsRepository } from './organizations-repository.ts';
import { createPeopleRepository, type PeopleRepository } from './people-repository.ts';
import { createSettingsRepository, type SettingsRepository } from './settings-repository.ts';
import { createSubscriptionsRepository, type SubscriptionsRepository } from './subscriptions-repository.ts';
import { createSyncStateRepository, type SyncStateRepository } from './sync-state-repository.ts';
import { createSuggestionsRepository, type SuggestionsRepository } from './suggestions-repository.ts';
import { createPrivacyRepository, type PrivacyRepository } from '../privacy/privacy-repository.ts';
import { createTeamsRepository, type TeamsRepository } from './teams-repository.ts';
import { createNotesRepository, type NotesRepository } from './notes-repository.ts';
import { createSearchRepository, type SearchRepository } from './search-repository.ts';

export interface Repositories {
  people: PeopleRepository;
  organizations: OrganizationsRepository;
  interactions: InteractionsRepository;
  edges: EdgesRepository;
  groups: GroupsRepository;
  syncState: SyncStateRepository;
  settings: SettingsRepository;
  subscriptions: SubscriptionsRepository;
  teams: TeamsRepository;
  audit: AuditRepository;
  suggestions: SuggestionsRepository;
  /** Opt-outs, do-not-track, privacy reads (functions/src/privacy); optional so partial fakes in tests stay valid. */
  privacy?: PrivacyRepository;
  /** Notes about people shared with a team (task pane); optional so partial fakes in tests stay valid. */
  notes?: NotesRepository;
  /** The reads behind the pane's search (task pane); optional so partial fakes in tests stay valid. */
  search?: SearchRepository;
}

export function createRepositories(store: CosmosStore): Repositories {
  return {
    people: createPeopleRepository(store),
    organizations: createOrganizationsRepository(store),
    interactions: createInteractionsRepository(store),
    edges: createEdgesRepository(store),
    groups: createGroupsRepository(store),
    syncState: createSyncStateRepository(store),
    settings: createSettingsRepository(store),
    subscriptions: createSubscriptionsRepository(store),
    teams: createTeamsRepository(store),
    audit: createAuditRepository(store),
    suggestions: createSuggestionsRepository(store),
    privacy: createPrivacyRepository(store),
    notes: createNotesRepository(store),
    search: createSearchRepository(store),
  };
}
