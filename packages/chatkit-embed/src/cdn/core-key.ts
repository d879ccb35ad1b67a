/**
 * Where the core script of the script-tag build puts its exports: a registered symbol,
 * named with the version so that two copies of different versions on one page never
 * pick up each other's core.
 */
declare const __CHATKIT_EMBED_VERSION__: string;

export const CORE_KEY = Symbol.for(`chatkit-embed.core@${__CHATKIT_EMBED_VERSION__}`);

/** Where the script-tag build's translations register, by language; versioned like the core. */
export const LOCALES_KEY = Symbol.for(`chatkit-embed.locales@${__CHATKIT_EMBED_VERSION__}`);
