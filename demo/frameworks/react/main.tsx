// <chatkit-embed> in a React 19 app: attributes, the `options` property, a method call
// through a ref, our events as props, and ChatKit's dotted events through a spread.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'chatkit-embed';
import type {} from 'chatkit-embed/types/react';
import type { ChatKitEmbed, ChatKitOptions } from 'chatkit-embed';
import { backend } from '../backend.js';

const options: Partial<ChatKitOptions> = { startScreen: { greeting: 'Hello from React' } };

function App() {
  const chat = useRef<ChatKitEmbed>(null);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <main>
      <h1>chatkit-embed in React</h1>
      <button type="button" onClick={() => void chat.current?.setComposerValue({ text: 'Hi from React' })}>
        Fill the message box
      </button>
      <chatkit-embed
        ref={chat}
        {...backend}
        theme="auto"
        options={options}
        onchatkit-embed-ready={() => note('chatkit-embed-ready')}
        {...{ 'onchatkit.ready': () => note('chatkit.ready') }}
      />
      <ul id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
