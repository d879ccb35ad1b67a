import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';
import { defineConfig, type Plugin } from 'vite';

// Builds the script-tag bundle: classic scripts with Lit inlined (production build),
// minified. The npm build is plain `tsc` (see package.json), which keeps one module per
// file and Lit external.
//
// Two runs, because a classic script cannot share chunks with another:
//   vite build                 dist/cdn/chatkit-embed.js       the element's shell
//   CDN_PART=core vite build   dist/cdn/chatkit-embed-core.js  the connector, loaded when a chat starts
// and then scripts/build-cdn-locales.mjs writes dist/cdn/locales/<language>.js, one
// small script per translation, from the npm build's data.
const core = process.env.CDN_PART === 'core';
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

/**
 * Minifies the CSS inside the element's `css` templates (Lit keeps them as written),
 * with the CSS minifier Vite itself uses: about a tenth of the shell is its styles.
 * Templates with `${}` parts or escapes are left alone; the element has none.
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/styles\.ts$/.test(id)) return null;
      return code.replace(/\bcss`([^`$\\]*)`/g, (_, text: string) => {
        const { code: minified } = transform({ filename: id, code: Buffer.from(text), minify: true });
        return `css\`${minified.toString()}\``;
      });
    },
  };
}

export default defineConfig({
  plugins: [minifyCssTemplates()],
  define: { __CHATKIT_EMBED_VERSION__: JSON.stringify(version) },
  resolve: {
    // The shell loads the core and translations with a <script>, not an import() a
    // classic script can't split.
    alias: [
      { find: /^\.\/core-loader\.js$/, replacement: fileURLToPath(new URL('src/cdn/core-loader.ts', import.meta.url)) },
      { find: /^\.\.\/i18n\/locale-loader\.js$/, replacement: fileURLToPath(new URL('src/cdn/locale-loader.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: !core,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: core ? 'src/cdn/core.ts' : 'src/cdn/shell.ts',
      formats: ['iife'],
      name: core ? 'ChatKitEmbedCore' : 'ChatKitEmbedBundle',
      fileName: () => (core ? 'chatkit-embed-core.js' : 'chatkit-embed.js'),
    },
  },
});
