/**
 * Where the credential lives between page loads: this tab's sessionStorage (gone when
 * the tab closes), never a URL, a cookie or localStorage.
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
