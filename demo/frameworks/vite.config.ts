// Builds the framework examples with each framework's standard Vite tooling:
// `vite build -c demo/frameworks/vite.config.ts` (FRAMEWORK=react|vue|svelte).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const framework = process.env.FRAMEWORK ?? 'react';

export default defineConfig({
  root: `demo/frameworks/${framework}`,
  base: './',
  plugins:
    framework === 'vue'
      ? [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'chatkit-embed' } } })]
      : framework === 'svelte'
        ? [svelte()]
        : [],
  oxc: framework === 'react' ? { jsx: { runtime: 'automatic' } } : undefined,
  build: { outDir: 'dist', emptyOutDir: true },
});
