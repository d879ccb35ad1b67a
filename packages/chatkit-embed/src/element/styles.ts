import { css } from '@lit/reactive-element';

export const styles = css`
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
  [part='chat'] {
    position: absolute;
    inset: 0;
  }
  [part='chat'] > * {
    display: block;
    width: 100%;
    height: 100%;
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
  .spinner {
    width: 1.5em;
    height: 1.5em;
    border: 0.2em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    opacity: 0.6;
    animation: spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  .title {
    margin: 0;
    font-weight: 600;
  }
  .detail {
    margin: 0;
    max-width: 36em;
    /* Messages may hold a long URL. */
    overflow-wrap: anywhere;
    font-size: 0.875em;
    opacity: 0.8;
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
`;
