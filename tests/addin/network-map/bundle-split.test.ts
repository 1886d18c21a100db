// The network map's renderer stays out of the task pane: a production build (vite, as
// `npm run build`) where nothing the pane loads at start — its entry chunk and every chunk it
// imports statically — holds sigma.js or ForceAtlas2; the dialog page reaches them only through a
// dynamic import (loaded when the map is drawn).
import { resolve } from 'node:path';
import type { OutputChunk, RolldownOutput } from 'rolldown';
import { build } from 'vite';

const projectRoot = resolve(import.meta.dirname, '../../..');
const heavy = /node_modules\/(sigma|graphology-layout-forceatlas2)\//;

let chunks: Map<string, OutputChunk>;

beforeAll(async () => {
  const output = (await build({ configFile: resolve(projectRoot, 'vite.config.ts'), logLevel: 'silent', build: { write: false } })) as RolldownOutput | RolldownOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  chunks = new Map(outputs.flatMap((o) => o.output).filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}, 180_000);

function entryChunk(page: string): OutputChunk {
  const chunk = [...chunks.values()].find((candidate) => candidate.isEntry && candidate.facadeModuleId?.endsWith(`/addin/${page}`));
  if (!chunk) throw new Error(`no entry chunk for ${page}`);
  return chunk;
}

/** The chunk and everything it imports statically: what loads before the page's code runs. */
function loadedAtStart(chunk: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>([[chunk.fileName, chunk]]);
  for (const current of seen.values()) {
    for (const name of current.imports) if (!seen.has(name) && chunks.has(name)) seen.set(name, chunks.get(name)!);
  }
  return [...seen.values()];
}

const holdsRenderer = (chunk: OutputChunk) => Object.keys(chunk.modules).some((id) => heavy.test(id));

it('loads no sigma.js or ForceAtlas2 with the task pane', () => {
  const atStart = loadedAtStart(entryChunk('taskpane.html'));
  expect(atStart.length).toBeGreaterThan(0);
  expect(atStart.filter(holdsRenderer).map((chunk) => chunk.fileName)).toEqual([]);
});

it('loads them in the dialog only when the map is drawn', () => {
  const dialog = entryChunk('network-map.html');
  expect(loadedAtStart(dialog).filter(holdsRenderer)).toEqual([]);
  const onDemand = loadedAtStart(dialog).flatMap((chunk) => chunk.dynamicImports).map((name) => chunks.get(name)!);
  expect(onDemand.some(holdsRenderer)).toBe(true);
});
