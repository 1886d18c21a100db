// Entry of network-map.html, the network map dialog: wait for office.js, tell the pane it is
// ready, and draw whatever network the pane asks for with the token it hands over (and asks
// it for a fresh one when the API says the token expired).
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { networkRoute } from '../../../shared/api/network-routes.ts';
import { createApiClient } from '../api/api-client.ts';
import { listenToDialogParent } from '../office/listen-to-dialog-parent.ts';
import { messageAuthParent as messageParent } from '../office/message-auth-parent.ts';
import { waitForOffice } from '../office/wait-for-office.ts';
import { createDialogTokenSource } from './dialog-token-source.ts';
import { NetworkMapApp } from './network-map-app.tsx';
import { formatNetworkMapMessage, parseNetworkMapParentMessage } from './network-map-protocol.ts';
import { detectWebGl, targetToQuery, type NetworkMapServices } from './network-map-services.ts';

const tokens = createDialogTokenSource({ requestToken: () => messageParent(formatNetworkMapMessage({ kind: 'token-request' })) });
const client = createApiClient({
  baseUrl: import.meta.env.VITE_CROSSWALK_API_BASE ?? '/api',
  getAccessToken: tokens.getAccessToken,
  onUnauthenticated: tokens.clear,
});

const services: NetworkMapServices = {
  loadNetwork: (target, options) => client.callRoute(networkRoute, undefined, { query: { ...targetToQuery(target), depth: options.depth, limit: options.limit }, signal: options.signal }),
  canDrawMap: () => detectWebGl(),
};

async function startNetworkMap(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The network map page has no #root element.');
  try {
    await waitForOffice();
    let root: Root | null = null;
    let shown = 0;
    await listenToDialogParent((text) => {
      const message = parseNetworkMapParentMessage(text);
      if (!message) return;
      if (message.kind === 'token-failure') {
        tokens.receiveFailure(message.message);
        return;
      }
      tokens.receiveToken(message.accessToken);
      if (message.kind !== 'show') return;
      shown += 1;
      root ??= createRoot(container);
      root.render(
        <StrictMode>
          <NetworkMapApp key={shown} services={services} target={message.target} theme={message.theme} />
        </StrictMode>,
      );
    });
    messageParent(formatNetworkMapMessage({ kind: 'ready' }));
  } catch (error) {
    container.textContent = error instanceof Error ? error.message : 'The network map could not start.';
  }
}

void startNetworkMap();
