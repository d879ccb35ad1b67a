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

// The launcher: `open` is the reflected attribute (the `opened` property), and a method.
export const launcher = (
  <chatkit-embed
    mode="launcher"
    open
    position="start"
    loading="intent"
    remember
    onchatkit-embed-open={(event) => event.preventDefault()}
    onchatkit-embed-diagnostic={(event) => event.detail.code satisfies string}
  />
);
export const methods = (element: ChatKitEmbed): boolean => element.open() && element.toggle() && element.close();
export const opened = (element: ChatKitEmbed): boolean => element.opened;
export const diagnostics = (element: ChatKitEmbed) => element.diagnostics.map((d) => `${d.code}: ${d.fix}`);

// @ts-expect-error `top-left` is not a position
export const badPosition = <chatkit-embed mode="launcher" position="top-left" />;

// @ts-expect-error `sometimes` is not a loading policy
export const badLoading = <chatkit-embed loading="sometimes" />;
