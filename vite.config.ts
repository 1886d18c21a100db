// One config for the add-in build (root: addin/) and for the test runner (root: the project).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const projectRoot = import.meta.dirname;

export default defineConfig({
  root: resolve(projectRoot, 'addin'),
  publicDir: false,
  build: {
    outDir: resolve(projectRoot, 'dist/addin'),
    emptyOutDir: true,
    // Not "assets": the add-in server serves the manifest icons at /assets/*.
    assetsDir: 'bundle',
    rollupOptions: {
      // Fluent UI marks its modules 'use client' (a React Server Components hint); meaningless in a task pane.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        taskpane: resolve(projectRoot, 'addin/taskpane.html'),
        preview: resolve(projectRoot, 'addin/preview.html'),
        // The pages the manifests link to.
        support: resolve(projectRoot, 'addin/support.html'),
        privacy: resolve(projectRoot, 'addin/privacy.html'),
        terms: resolve(projectRoot, 'addin/terms.html'),
        // Sign-in for hosts without nested app authentication (an Office dialog running MSAL).
        'auth-dialog': resolve(projectRoot, 'addin/auth-dialog.html'),
        'auth-redirect': resolve(projectRoot, 'addin/auth-redirect.html'),
        // The network map, a larger Office dialog: sigma.js loads here only, never in the pane.
        'network-map': resolve(projectRoot, 'addin/network-map.html'),
      },
    },
  },
  test: {
    root: projectRoot,
    include: ['tests/**/*.test.{ts,tsx}'],
    globals: true,
    environment: 'node',
    pool: 'forks',
    // Integration tests run a whole stack on a 2-core machine; timings are never asserted.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
