// The graph the renderer draws: sizes by ties, colour and symbol by kind, thickness by strength,
// and a layout that is the same every time and keeps the nodes apart.
import { buildNetworkGraph, layoutNetworkGraph, sizeForDegree } from '../../../addin/src/network-map/build-network-graph.ts';
import { defaultNetworkFilters, filterNetwork } from '../../../addin/src/network-map/filter-network.ts';
import { networkPalettes } from '../../../addin/src/network-map/network-palette.ts';
import type { EgoNetwork, NetworkNode } from '../../../shared/api/network-routes.ts';
import { jessNetwork } from './network-fixture.ts';

const palette = networkPalettes.light;

it('draws every visible node and tie once, sized, coloured and labelled by kind', () => {
  const graph = buildNetworkGraph(filterNetwork(jessNetwork, defaultNetworkFilters), palette);
  expect(graph.order).toBe(8);
  expect(graph.size).toBe(9);
  expect(graph.getNodeAttributes('person:jess')).toMatchObject({ size: 22, forceLabel: true, color: palette.node.person, label: 'Jess Morgan' });
  expect(graph.getNodeAttributes('organization:housing')).toMatchObject({ label: '■ Cascadia Department of Housing', color: palette.node.organization, size: sizeForDegree(3) });
  expect(graph.getNodeAttributes('group:hri')).toMatchObject({ label: '◆ Homelessness Reduction Initiative', color: palette.node.group });
  const strong = graph.getEdgeAttributes(graph.edge('person:dana', 'person:jess')!);
  const weak = graph.getEdgeAttributes(graph.edge('person:marcus', 'person:pat')!);
  expect(strong.size).toBeGreaterThan(weak.size);
  expect(strong.weight).toBeGreaterThan(weak.weight);
});

it.each([0, 1, 4, 25, 400])('grows nodes with their ties, within 5 to 20 (degree %i)', (degree) => {
  const size = sizeForDegree(degree);
  expect(size).toBeGreaterThanOrEqual(5);
  expect(size).toBeLessThanOrEqual(20);
  if (degree > 0) expect(size).toBeGreaterThanOrEqual(sizeForDegree(degree - 1));
  if (degree > 0 && degree < 50) expect(size).toBeGreaterThan(sizeForDegree(degree - 1));
});

/** A 500-node network: a center, 20 groups, 30 organizations, the rest people. */
function makeLargeNetwork(): EgoNetwork {
  const nodes: NetworkNode[] = [{ id: 'person:center', kind: 'person', label: 'Center', detail: null, level: 0 }];
  const edges: EgoNetwork['edges'] = [];
  for (let i = 0; i < 499; i += 1) {
    const kind = i < 20 ? 'group' : i < 50 ? 'organization' : 'person';
    const id = `${kind}:${i}`;
    nodes.push({ id, kind, label: `${kind} ${i}`, detail: null, level: i < 120 ? 1 : 2 });
    const anchor = i < 120 ? 'person:center' : `person:${50 + (i % 70)}`;
    edges.push({ source: anchor, target: id, kind: kind === 'person' ? 'knows' : 'member', strength: kind === 'person' ? (i * 7) % 101 : null, strengthLabel: null, role: null });
  }
  return { centerId: 'person:center', depth: 2, nodes, edges, totalNodes: 500, truncated: false };
}

it('lays 500 nodes out the same way every time, spread rather than piled up', () => {
  const visible = filterNetwork(makeLargeNetwork(), defaultNetworkFilters);
  const first = buildNetworkGraph(visible, palette);
  const second = buildNetworkGraph(visible, palette);
  layoutNetworkGraph(first);
  layoutNetworkGraph(second);
  expect(first.order).toBe(500);
  const positions = (graph: typeof first) => graph.mapNodes((_, a) => [a.x, a.y]);
  expect(positions(first)).toEqual(positions(second));
  const distinct = new Set(positions(first).map(([x, y]) => `${Math.round(x!)}|${Math.round(y!)}`));
  expect(distinct.size).toBeGreaterThan(450);
  expect(positions(first).every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
});
