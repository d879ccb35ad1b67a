import { defineConfig } from 'vite';

// Builds the script-tag bundle only: dist/cdn/chatkit-embed.js, a classic script with
// Lit inlined (production build), minified. The npm build is plain `tsc` (see
// package.json), which keeps one module per file and Lit external.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/cdn.ts',
      formats: ['iife'],
      name: 'ChatKitEmbedBundle',
      fileName: () => 'chatkit-embed.js',
    },
  },
});
