// The map's colours and symbols per kind of node, light and dark. Blue, orange and purple stay
// apart for the common colour-vision deficiencies, and each kind also has a symbol in its label
// and the legend, so colour is never the only cue (WCAG 1.4.1). Each colour keeps 3:1 against
// its background (WCAG 1.4.11).
import type { NetworkNodeKind } from '../../../shared/api/network-routes.ts';
import type { PaneTheme } from '../office/read-office-theme.ts';

export interface NetworkPalette {
  node: Record<NetworkNodeKind, string>;
  /** The center's ring and the selection's. */
  highlight: string;
  edge: string;
  /** Edges away from the selection. */
  edgeMuted: string;
  nodeMuted: string;
  label: string;
  background: string;
}

export const nodeSymbols: Record<NetworkNodeKind, string> = { person: '●', organization: '■', group: '◆' };

export const networkPalettes: Record<PaneTheme, NetworkPalette> = {
  light: {
    node: { person: '#0f6cbd', organization: '#b54700', group: '#7a3eb1' },
    highlight: '#242424',
    edge: '#9e9e9e',
    edgeMuted: '#e0e0e0',
    nodeMuted: '#c8c8c8',
    label: '#242424',
    background: '#ffffff',
  },
  dark: {
    node: { person: '#62abf5', organization: '#f7894a', group: '#c29ce6' },
    highlight: '#ffffff',
    edge: '#6e6e6e',
    edgeMuted: '#3a3a3a',
    nodeMuted: '#4a4a4a',
    label: '#ffffff',
    background: '#1f1f1f',
  },
};
