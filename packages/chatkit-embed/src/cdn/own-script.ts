/**
 * The `<script>` that loaded the script-tag bundle. `document.currentScript` is only set
 * while the bundle first runs, so it is read here, at evaluation; the fallback finds the
 * tag by its file name when the bundle was evaluated some other way.
 */
export const ownScript: HTMLScriptElement | undefined =
  typeof document === 'undefined'
    ? undefined
    : ((document.currentScript as HTMLScriptElement | null) ??
      [...document.scripts].find((script) => /\/chatkit-embed(\.min)?\.js(\?|#|$)/.test(script.src)));
