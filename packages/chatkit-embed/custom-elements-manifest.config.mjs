// Custom Elements Manifest analyzer settings: the element's JSDoc is the single source
// of custom-elements.json, the README API tables and framework typings.

/** Keeps the public API only: no private members, no events without a documented name. */
function publicApiOnly() {
  return {
    name: 'chatkit-embed-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) {
            decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#') && !m.name.startsWith('_'));
          }
          // Internal reactive state is declared beside the properties, with `state: true`.
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.fieldName?.startsWith('_'));
          if (decl.events) decl.events = decl.events.filter((e) => e.name && e.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/element/chatkit-embed.ts', 'src/define.ts'],
  outdir: '.',
  // package.json's customElements field is written by hand; the analyzer would point it
  // at whatever --outdir it was given (the freshness check uses a scratch folder).
  packagejson: false,
  litelement: true,
  plugins: [publicApiOnly()],
};
