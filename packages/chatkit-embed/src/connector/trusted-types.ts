/**
 * The element's one Trusted Types policy, for the URLs of the scripts it adds. The policy
 * passes a URL through unchanged, so it stays private to the shell's module: the shell
 * uses it for its own files and hands the connector a function for ChatKit's script
 * (`ConnectorHost.scriptURL`), so the lazily loaded core never creates a second one and
 * nothing else on the page can reach it.
 */

/** The Trusted Types policy name a page that enforces them must allow. */
export const TRUSTED_TYPES_POLICY = 'chatkit-embed';

interface TrustedTypesWindow {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } };
}

const policies = new WeakMap<Window, { createScriptURL(url: string): unknown } | null>();

/**
 * The URL as the page's Trusted Types allow it: through the policy, or the plain string
 * where Trusted Types are off or a default policy may still accept it.
 */
export function trustedScriptURL(win: Window, url: string): unknown {
  const tt = (win as TrustedTypesWindow).trustedTypes;
  if (!tt) return url;
  if (!policies.has(win)) {
    let policy: { createScriptURL(url: string): unknown } | null = null;
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (value) => value });
    } catch {
      // Not allowed by the page's CSP; a default policy may still accept the string.
    }
    policies.set(win, policy);
  }
  return policies.get(win)?.createScriptURL(url) ?? url;
}

/** Why the URL was refused, for any script the element adds. */
export function trustedTypesMessage(label: string): string {
  return `The page enforces Trusted Types and refused the URL of ${label.toLowerCase()}. Allow the "${TRUSTED_TYPES_POLICY}" policy in its trusted-types directive.`;
}
