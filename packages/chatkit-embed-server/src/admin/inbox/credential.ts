/**
 * Where the credential lives between page loads: this tab's sessionStorage, never a URL,
 * a cookie or localStorage. It outlives a reload, and a closed tab the browser reopens,
 * and any script of this origin running in the tab can read it.
 */
const KEY = 'chatkit-admin-credential';

export function loadCredential(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveCredential(value: string): void {
  try {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage off: the credential lives in memory only, and a reload asks again.
  }
}
