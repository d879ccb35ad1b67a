/**
 * The launcher panel's look, loaded with the core. Its place follows the button's
 * (`--_x`, `--_y`, `--_size` and `--_gap` come from `launcher-styles.ts`).
 */
export const panelStyles = /* css */ `
  :host([position='start']) .panel:not(.full) {
    inset-inline-end: auto;
    inset-inline-start: var(--_x);
  }
  [part~='close-icon'] {
    width: 24px;
    height: 24px;
    flex: none;
    fill: currentColor;
  }
  .panel {
    display: none;
    position: fixed;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    border: 0;
    inset: auto;
    inset-block-end: calc(var(--_y) + var(--_size) + var(--_gap));
    inset-inline-end: var(--_x);
    width: min(var(--chatkit-embed-panel-width, 400px), calc(100vw - 2 * var(--_x)));
    height: min(var(--chatkit-embed-panel-height, 640px), calc(100dvh - var(--_y) - var(--_size) - 2 * var(--_gap)));
    flex-direction: column;
    overflow: hidden;
    border-radius: var(--chatkit-embed-panel-radius, 16px);
    background: var(--chatkit-embed-overlay-background, Canvas);
    color: var(--chatkit-embed-overlay-color, CanvasText);
    box-shadow: 0 8px 40px rgb(0 0 0 / 0.25);
  }
  .panel:popover-open {
    display: flex;
  }
  .panel.fixed:not([hidden]) {
    display: flex;
    z-index: 2147483001;
  }
  .panel:focus {
    outline: none;
  }
  .panel.full {
    inset: 0;
    width: 100vw;
    height: 100dvh;
    border-radius: 0;
    padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
  }
  .bar {
    display: none;
  }
  .full .bar {
    display: flex;
    justify-content: flex-end;
    padding: 4px;
  }
  [part='close-button'] {
    display: inline-flex;
    padding: 8px;
    border: 0;
  }
  .body {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel:popover-open {
      animation: rise 0.18s ease-out;
    }
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }
  }
`;
