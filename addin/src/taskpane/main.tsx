// Entry of the task pane: wait for office.js, wire the real services (office.js adapter and
// API client) into the app, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient } from '../api/api-client.ts';
import { getAccessToken } from '../auth/get-access-token.ts';
import { showNetworkMapDialog } from '../office/open-network-map-dialog.ts';
import { getUserEmail } from '../office/get-user-email.ts';
import { canOpenNewMessage, openNewMessage } from '../office/open-new-message.ts';
import { onItemChanged } from '../office/on-item-changed.ts';
import { onRecipientsChanged } from '../office/on-recipients-changed.ts';
import { readCurrentItem } from '../office/read-current-item.ts';
import { onPaneAppearanceChanged, readOfficeTheme, readPaneAppearance } from '../office/read-office-theme.ts';
import { waitForOffice } from '../office/wait-for-office.ts';
import { TaskPaneApp } from './components/task-pane-app.tsx';
import { downloadExportFile } from './model/download-export-file.ts';
import { createGroupServices } from './model/group-services.ts';
import { lookupPeople } from './model/lookup-people.ts';
import { createPersonServices } from './model/person-services.ts';
import { createSearchServices } from './model/search-services.ts';
import { createSuggestionServices } from './model/suggestion-services.ts';
import type { TaskPaneServices } from './model/task-pane-services.ts';
import { markPaneTiming, PANE_MARKS } from './model/mark-pane-timing.ts';

const services: TaskPaneServices = {
  readCurrentItem,
  onItemChanged,
  onRecipientsChanged,
  getUserEmail,
  lookupPeople: (emails, signal, options) => lookupPeople({ client: apiClient, people: emails.map((email) => ({ email, name: options?.names?.get(email) })), signal }),
  readTheme: readPaneAppearance,
  onThemeChanged: onPaneAppearanceChanged,
  groups: createGroupServices({ client: apiClient, saveFile: (file) => downloadExportFile(file), openNewMessage, canOpenNewMessage }),
  people: createPersonServices({ client: apiClient }),
  search: createSearchServices({ client: apiClient }),
  // The network map dialog (docs/NETWORK-MAP.md): the pane hands it a token and the theme.
  onOpenNetworkMap: (personId) => showNetworkMapDialog({ target: { personId }, getAccessToken, theme: readOfficeTheme() }),
  onOpenGroupNetworkMap: (groupId) => showNetworkMapDialog({ target: { groupId }, getAccessToken, theme: readOfficeTheme() }),
  suggestions: createSuggestionServices(apiClient),
};

async function startTaskPane(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The task pane page has no #root element.');
  try {
    await waitForOffice();
    markPaneTiming(PANE_MARKS.officeReady);
  } catch (error) {
    container.textContent = error instanceof Error ? error.message : 'office.js did not start.';
    return;
  }
  createRoot(container).render(
    <StrictMode>
      <TaskPaneApp services={services} />
    </StrictMode>,
  );
}

void startTaskPane();
