// What the network map dialog needs from the outside world, as one injectable object: main.tsx
// wires the API client and the browser in; tests pass fakes.
import type { EgoNetwork } from '../../../shared/api/network-routes.ts';
import type { NetworkMapTarget } from './network-map-protocol.ts';

export interface LoadNetworkOptions {
  depth: 1 | 2;
  limit: number;
  signal: AbortSignal;
}

export interface NetworkMapServices {
  loadNetwork(target: NetworkMapTarget, options: LoadNetworkOptions): Promise<EgoNetwork>;
  /** False where the browser cannot draw the map (no WebGL): the list shows the network instead. */
  canDrawMap(): boolean;
}

/** The target as the network route's query string. */
export function targetToQuery(target: NetworkMapTarget): Record<string, string> {
  if ('personId' in target) return { personId: target.personId };
  if ('email' in target) return { email: target.email };
  return { groupId: target.groupId };
}

/** Whether this browser gives a WebGL context (software rendering counts). */
export function detectWebGl(createCanvas: () => HTMLCanvasElement = () => document.createElement('canvas')): boolean {
  try {
    const canvas = createCanvas();
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
