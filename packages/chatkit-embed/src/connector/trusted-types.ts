/**
 * The element's one Trusted Types policy, for the URLs of the scripts it adds. It is
 * kept on the window under a registered symbol, not in a module: the script-tag build is
 * two bundles (the shell loads the core, the core loads ChatKit), and a page that allows
 * the policy once (without 'allow-duplicates') must not see it created twice.
 */

/** The Trusted Types policy name a page that enforces them must allow. */
export const TRUSTED_TYPES_POLICY = 'chatkit-embed';

interface TrustedTypesWindow {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };
}

const POLICY = Symbol.for('chatkit-embed.trusted-types-policy');

/**
 * The URL as the page's Trusted Types allow it: through the policy, or the plain string
 * where Trusted Types are off or a default policy may still accept it.
 */
export function trustedScriptURL(win: Window, url: string): unknown {
  const tt = (win as TrustedTypesWindow).trustedTypes;
  if (!tt) return url;
  const cache = win as unknown as Record<symbol, { createScriptURL(url: string): unknown } | null | undefined>;
  if (cache[POLICY] === undefined) {
    try {
      // The policy passes the URL through: it exists so pages can allow us by name.
      cache[POLICY] = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (value) => value });
    } catch {
      // Not allowed by the page's CSP; a default policy may still accept the string.
      cache[POLICY] = null;
    }
  }
  return cache[POLICY]?.createScriptURL(url) ?? url;
}

/** Why the URL was refused, for any script the element adds. */
export function trustedTypesMessage(label: string): string {
  return `The page enforces Trusted Types and refused the URL of ${label.toLowerCase()}. Allow the "${TRUSTED_TYPES_POLICY}" policy in its trusted-types directive.`;
}
