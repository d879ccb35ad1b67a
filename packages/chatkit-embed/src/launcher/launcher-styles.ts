import { css } from '@lit/reactive-element';

/**
 * The launcher's look. Sizes and colours come from public custom properties; private
 * `--_*` ones hold the resolved values so each fallback is written once. Positions use
 * logical properties, so right-to-left pages mirror the launcher.
 */
export const launcherStyles = css`
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
  :host([position='start']) .launcher,
  :host([position='start']) .panel:not(.full) {
    inset-inline-end: auto;
    inset-inline-start: var(--_x);
  }
  [part~='launcher-icon'],
  [part~='close-icon'] {
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
    .launcher,
    .panel {
      border: 1px solid CanvasText;
    }
    .unread {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
