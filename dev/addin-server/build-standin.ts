// Bundles the mailbox stand-in (TypeScript) into one classic script, so it runs synchronously
// right after office.js — before office.js resolves onReady and before the add-in's modules.
import { build } from 'esbuild';

export async function buildStandinScript(entryPath: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    banner: { js: '/* Crosswalk local preview: Outlook mailbox stand-in. Not part of the add-in. */' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the mailbox stand-in.');
  return output.text;
}
