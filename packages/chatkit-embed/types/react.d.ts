/**
 * `<chatkit-embed>` in React 19's JSX: `import type {} from 'chatkit-embed/types/react'`
 * once (or add it to `compilerOptions.types`). Events are props named `on` + the event name, as React
 * 19 passes them to custom elements: `onchatkit-embed-error`, `onchatkit.thread.change`.
 */
import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
