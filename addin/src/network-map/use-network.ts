// Loads the network for the dialog: again when the center or the reach changes, with retry;
// an answer for a center no longer shown is dropped.
import { useEffect, useState } from 'react';
import { NETWORK_MAX_NODES, type EgoNetwork } from '../../../shared/api/network-routes.ts';
import type { NetworkMapTarget } from './network-map-protocol.ts';
import type { NetworkMapServices } from './network-map-services.ts';

export type NetworkLoadState = { status: 'loading' } | { status: 'ready'; network: EgoNetwork } | { status: 'error'; message: string };

export function useNetwork(services: NetworkMapServices, target: NetworkMapTarget, depth: 1 | 2): { state: NetworkLoadState; retry: () => void } {
  const [state, setState] = useState<NetworkLoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    services.loadNetwork(target, { depth, limit: NETWORK_MAX_NODES, signal: controller.signal }).then(
      (network) => {
        if (!controller.signal.aborted) setState({ status: 'ready', network });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: error instanceof Error ? error.message : 'The network could not be loaded.' });
      },
    );
    return () => controller.abort();
  }, [services, target, depth, attempt]);
  return { state, retry: () => setAttempt((count) => count + 1) };
}
