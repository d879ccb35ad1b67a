/**
 * The launcher button's look, in the shell; the panel's is in `panel-styles.ts`, loaded
 * with the core, and uses the sizes set here. Sizes and colours come from public custom properties; private
 * `--_*` ones hold the resolved values so each fallback is written once. Positions use
 * logical properties, so right-to-left pages mirror the launcher.
 */
export const launcherStyles = /* css */ `
  :host([mode='launcher']) {
    height: 0;
    min-height: 0;
    contain: none;
    --_size: var(--chatkit-embed-launcher-size, 56px);
    --_x: var(--chatkit-embed-launcher-offset-x, 20px);
    --_y: var(--chatkit-embed-launcher-offset-y, 20px);
    --_gap: 12px;
  }
  .launcher {
    position: fixed;
    inset: auto;
    margin: 0;
    overflow: visible;
    inset-block-end: var(--_y);
    inset-inline-end: var(--_x);
    /* For browsers without popovers; elsewhere the button is in the top layer. */
    z-index: 2147483000;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-width: var(--_size);
    height: var(--_size);
    padding: 0 calc(var(--_size) / 4);
    border: 0;
    border-radius: calc(var(--_size) / 2);
    background: var(--chatkit-embed-launcher-background, #0d0d0d);
    color: var(--chatkit-embed-launcher-color, #fff);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    font-weight: 600;
  }
  :host([position='start']) .launcher {
    inset-inline-end: auto;
    inset-inline-start: var(--_x);
  }
  [part~='launcher-icon'] {
    width: 24px;
    height: 24px;
    flex: none;
    fill: currentColor;
  }
  .unread {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-end: 2px;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--chatkit-embed-unread-color, #e5484d);
    box-shadow: 0 0 0 2px var(--chatkit-embed-launcher-background, #0d0d0d);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .launcher {
      border: 1px solid CanvasText;
    }
    .unread {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
