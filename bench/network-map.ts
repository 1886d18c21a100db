// `npm run bench:map`: how long the network map takes for a 500-node ego network in headless
// Chromium (software WebGL, --disable-gpu): the layout (graph built, ForceAtlas2 settled) and
// the first render (sigma.js drawing it), with the dialog's own code and settings, median of
// several runs. With --api, also GET /api/network for Jess (depth 2, limit 500) on the local
// stack with the demo tenant synced. Prints JSON lines; docs/PERFORMANCE.md and
// docs/NETWORK-MAP.md record them.
//   npm run bench:map -- --nodes 500 --runs 7 [--screenshot test-output/bench-network-map-500.png] [--api --scale 1]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { build } from 'esbuild';
import type { EgoNetwork, NetworkEdge, NetworkNode } from '../shared/api/network-routes.ts';
import { startStack } from '../dev/stack.ts';
import { launchChromium } from '../tests/helpers/launch-chromium.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '500' },
    runs: { type: 'string', default: '7' },
    screenshot: { type: 'string' },
    api: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
  },
});
const nodeCount = Math.max(10, Math.min(Number(values.nodes), 2000));
const runs = Math.max(1, Math.min(Number(values.runs), 50));
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));

/**
 * An ego network shaped like the demo tenant's at depth 2: a person, their organization and a
 * few groups, colleagues who know them, co-members, and those people's own contacts, agencies
 * and groups; ties of every strength. Deterministic.
 */
function makeBenchNetwork(count: number): EgoNetwork {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const kinds = ['state', 'county', 'city', 'federal', 'nonprofit', 'private', 'education'] as const;
  const nodes: NetworkNode[] = [{ id: 'person:0', kind: 'person', label: 'Jess Morgan', detail: 'Program Director', level: 0, organizationKind: 'state' }];
  const edges: NetworkEdge[] = [];
  const organizations = Math.max(3, Math.round(count * 0.06));
  const groups = Math.max(2, Math.round(count * 0.04));
  for (let i = 0; i < organizations; i += 1) {
    nodes.push({ id: `organization:${i}`, kind: 'organization', label: `Organization ${i}`, detail: null, level: i < 3 ? 1 : 2, organizationKind: kinds[i % kinds.length]! });
  }
  for (let i = 0; i < groups; i += 1) nodes.push({ id: `group:${i}`, kind: 'group', label: `Working group ${i}`, detail: 'Working group', level: i < 4 ? 1 : 2 });
  const people = count - nodes.length;
  const firstRing = Math.round(people * 0.15);
  for (let i = 1; i <= people; i += 1) {
    const level = i <= firstRing ? 1 : 2;
    const organization = Math.floor(random() * organizations);
    nodes.push({ id: `person:${i}`, kind: 'person', label: `Person ${i}`, detail: 'Analyst', level, organizationKind: kinds[organization % kinds.length]! });
    edges.push({ source: `person:${i}`, target: `organization:${organization}`, kind: 'works-at', strength: null, strengthLabel: null, role: null });
    const anchor = level === 1 ? 'person:0' : `person:${1 + Math.floor(random() * firstRing)}`;
    const strength = Math.round(random() * 100);
    edges.push({ source: anchor, target: `person:${i}`, kind: 'knows', strength, strengthLabel: strength >= 50 ? 'Strong' : 'Moderate', role: null });
    if (random() < 0.3) edges.push({ source: `person:${i}`, target: `group:${Math.floor(random() * groups)}`, kind: 'member', strength: null, strengthLabel: null, role: 'member' });
    if (random() < 0.4 && i > 2) {
      const other = 1 + Math.floor(random() * (i - 1));
      edges.push({ source: `person:${other}`, target: `person:${i}`, kind: 'knows', strength: Math.round(random() * 60), strengthLabel: 'Moderate', role: null });
    }
  }
  edges.push({ source: 'person:0', target: 'organization:0', kind: 'works-at', strength: null, strengthLabel: null, role: null });
  for (let i = 0; i < Math.min(4, groups); i += 1) edges.push({ source: 'person:0', target: `group:${i}`, kind: 'member', strength: null, strengthLabel: null, role: 'lead' });
  const seen = new Set<string>();
  const unique = edges.filter((edge) => {
    const key = [edge.source, edge.target].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { centerId: 'person:0', depth: 2, nodes, edges: unique, totalNodes: nodes.length, truncated: false };
}

/** The dialog's filter, graph, layout and renderer, bundled for the page. */
async function bundlePageScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { filterNetwork, defaultNetworkFilters } from './addin/src/network-map/filter-network.ts';
        import { buildNetworkGraph, layoutNetworkGraph } from './addin/src/network-map/build-network-graph.ts';
        import { createMapRenderer } from './addin/src/network-map/create-map-renderer.ts';
        import { networkPalettes } from './addin/src/network-map/network-palette.ts';
        window.benchNetworkMap = (network) => {
          const container = document.getElementById('stage');
          container.replaceChildren();
          const started = performance.now();
          const graph = buildNetworkGraph(filterNetwork(network, defaultNetworkFilters), networkPalettes.light);
          layoutNetworkGraph(graph);
          const laidOut = performance.now();
          const renderer = createMapRenderer({ graph, container, palette: networkPalettes.light, centerId: network.centerId, selectedId: () => null });
          const rendered = performance.now();
          const shown = { nodes: graph.order, edges: graph.size };
          // The last one stays on the page for a screenshot.
          window.benchRenderer?.kill();
          window.benchRenderer = renderer;
          return { layoutMs: laidOut - started, firstRenderMs: rendered - laidOut, ...shown };
        };`,
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

const network = makeBenchNetwork(nodeCount);
const script = await bundlePageScript();
const browser = await launchChromium({ viewport: { width: 1100, height: 760 } });
try {
  const { page } = browser;
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="stage" style="width:860px;height:700px"></div></body></html>');
  await page.addScriptTag({ content: script });
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : gl ? 'webgl2' : 'none';
  });
  const results: { layoutMs: number; firstRenderMs: number; nodes: number; edges: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    results.push(await page.evaluate((data) => (window as unknown as { benchNetworkMap: (n: unknown) => { layoutMs: number; firstRenderMs: number; nodes: number; edges: number } }).benchNetworkMap(data), network));
  }
  const layoutMs = median(results.map((r) => r.layoutMs));
  const firstRenderMs = median(results.map((r) => r.firstRenderMs));
  print('network-map', {
    nodes: results[0]!.nodes,
    edges: results[0]!.edges,
    runs,
    layoutMs: round(layoutMs),
    firstRenderMs: round(firstRenderMs),
    totalMs: round(median(results.map((r) => r.layoutMs + r.firstRenderMs))),
    webgl: renderer,
    cpus: cpus().length,
  });
  if (values.screenshot) await page.locator('#stage').screenshot({ path: values.screenshot });
} finally {
  await browser.close();
}

/** GET /api/network for the persona on the synced demo tenant: sequential calls, p50 and max. */
async function benchNetworkApi(scale: number): Promise<void> {
  const stack = await startStack({ ports: 'random', scale, addin: false });
  try {
    const report = await stack.sync();
    if (report.failures.length > 0) throw new Error(`sync failed: ${JSON.stringify(report.failures[0])}`);
    const token = await stack.issueUserToken('dana.reyes@housing.cascadia.gov');
    const timings: number[] = [];
    let answer: EgoNetwork | null = null;
    for (let call = 0; call < 21; call += 1) {
      const started = performance.now();
      const response = await fetch(`${stack.apiUrl}/network?email=jess.morgan%40housing.cascadia.gov&depth=2&limit=500`, { headers: { authorization: `Bearer ${token}` } });
      answer = (await response.json()) as EgoNetwork;
      if (!response.ok) throw new Error(`GET /api/network answered ${response.status}`);
      if (call > 0) timings.push(performance.now() - started);
    }
    print('network-api', { scale, nodes: answer!.nodes.length, edges: answer!.edges.length, totalNodes: answer!.totalNodes, calls: timings.length, p50Ms: round(median(timings)), maxMs: round(Math.max(...timings)) });
  } finally {
    await stack.close();
  }
}

if (values.api) await benchNetworkApi(Number(values.scale));
