/**
 * The element's own box, and the look shared by its states: the overlay, its title and
 * its button. The shell needs them for the one state it draws itself, a core that did
 * not load (`fallback-view.ts`); the rest is in `state-styles.ts`, loaded with the core.
 */
export const styles = /* css */ `
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    /* ChatKit fills its box and cannot size itself to its content (chatkit-js #206),
       so the host always has a definite height and never collapses to 0. */
    height: var(--chatkit-embed-height, 600px);
    min-height: var(--chatkit-embed-min-height, 320px);
    contain: layout;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.75em;
    padding: 1.5em;
    text-align: center;
    font: inherit;
    background: var(--chatkit-embed-overlay-background, Canvas);
    color: var(--chatkit-embed-overlay-color, CanvasText);
  }
  .title {
    margin: 0;
    font-weight: 600;
  }
  button {
    font: inherit;
    padding: 0.5em 1em;
    border-radius: 0.5em;
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--chatkit-embed-focus-color, Highlight);
    outline-offset: 2px;
  }
  /* Launcher: the notice stands where the panel would, as small as its text. */
  :host([mode='launcher']) .fallback {
    position: fixed;
    inset: auto;
    inset-block-end: calc(var(--_y) + var(--_size) + var(--_gap));
    inset-inline-end: var(--_x);
    margin: 0;
    border: 1px solid;
    border-radius: var(--chatkit-embed-panel-radius, 16px);
    z-index: 2147483001;
  }
  :host([position='start']) .fallback {
    inset-inline-end: auto;
    inset-inline-start: var(--_x);
  }
`;
