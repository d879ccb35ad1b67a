// Type-level tests of the React 19 typings: compiled by `npm run check`, never run.
import type {} from 'chatkit-embed/types/react';
import type { ChatKitEmbed } from 'chatkit-embed/element';

export const ok = (
  <chatkit-embed
    session-url="/api/chatkit/session"
    theme="dark"
    radius="soft"
    no-history
    onchatkit-embed-error={(event) => event.detail.code satisfies string}
    // JSX names cannot hold dots: ChatKit's dotted events go through a spread.
    {...{ 'onchatkit.thread.change': (event: CustomEvent<{ threadId: string | null }>) => event.detail.threadId }}
  />
);

export const selfHosted = <chatkit-embed api-url="/chatkit" domain-key="domain_pk_localhost_dev" />;

export const refs = (element: ChatKitEmbed) => element.sendUserMessage({ text: 'hi' });

// @ts-expect-error `purple` is not a theme
export const badTheme = <chatkit-embed theme="purple" />;

// @ts-expect-error the error detail has no `secret`
export const badDetail = <chatkit-embed onchatkit-embed-error={(event) => event.detail.secret} />;
