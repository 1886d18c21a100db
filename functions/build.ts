// Bundles the functions app for Azure (dist/functions/index.js, the package "main").
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['functions/src/index.ts'],
  outfile: 'dist/functions/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // The Functions worker provides its own copy of the programming model at run time.
  external: ['@azure/functions'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
// The registry loader finds its shipped fixture beside the module that loads it.
copyFileSync('functions/src/registry/dotgov-fixture.csv', 'dist/functions/dotgov-fixture.csv');
console.log('built dist/functions/index.js');
