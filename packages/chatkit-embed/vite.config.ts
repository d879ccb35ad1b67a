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
//   CDN_PART=core vite build   dist/cdn/chatkit-embed-core.js  the core (connector and chat views), loaded when a chat starts
// and then scripts/build-cdn-locales.mjs writes dist/cdn/locales/<language>.js, one
// small script per translation, from the npm build's data.
const core = process.env.CDN_PART === 'core';
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

/**
 * Minifies the element's CSS, the plain template literals after a `css` marker comment
 * in the `*styles.ts` modules, with the CSS minifier Vite itself uses: about a tenth of the
 * shell is its styles. The targets are the oldest browsers the element supports (it has
 * fallbacks for browsers without popovers), so the minifier keeps the prefixes and
 * fallbacks they need. A template with `${}` parts or escapes would need more than text
 * replacement: the build stops rather than ship it wrong.
 */
function minifyCssTemplates(): Plugin {
  const targets = { chrome: 100 << 16, edge: 100 << 16, firefox: 100 << 16, safari: 15 << 16, ios_saf: 15 << 16 };
  return {
    name: 'minify-css-templates',
    // Before the TypeScript transform, which drops the marker comments.
    enforce: 'pre',
    transform(code, id) {
      if (!/styles\.ts$/.test(id)) return null;
      if (!code.includes('/* css */ `')) throw new Error(`${id}: no /* css */ template to minify.`);
      const minified = code.replace(/\/\* css \*\/ `([^`]*)`/g, (_, text: string) => {
        if (/\$\{|\\/.test(text))
          throw new Error(`${id}: a css template with \${} or an escape; minify-css-templates takes plain CSS only.`);
        return `\`${transform({ filename: id, code: Buffer.from(text), minify: true, targets }).code.toString()}\``;
      });
      // A styles module has nothing worth mapping back to: no map rather than a wrong one.
      return { code: minified, map: { mappings: '' } };
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
