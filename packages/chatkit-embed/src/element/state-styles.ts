/**
 * The look of the chat box and of the loading and error states, loaded with the core; the
 * overlay they share is in `styles.ts`.
 */
export const stateStyles = /* css */ `
  [part='chat'] {
    position: absolute;
    inset: 0;
  }
  [part='chat'] > * {
    display: block;
    width: 100%;
    height: 100%;
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
  .detail {
    margin: 0;
    max-width: 36em;
    /* Messages may hold a long URL. */
    overflow-wrap: anywhere;
    font-size: 0.875em;
    opacity: 0.8;
  }
`;
