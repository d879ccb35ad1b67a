import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { readerLanguage } from './languages.js';
import { shellEnglish, type ChatKitEmbedStrings, type LoadedStrings } from './strings.js';

export interface LanguageControllerOptions {
  /** The element's `locale`, read on every refresh. */
  locale(): unknown;
  /** Fetches a translation (a chunk in npm builds, a script next to the script-tag bundle). */
  load(language: string): Promise<ChatKitEmbedStrings>;
  /** A translation failed to load; English stays. */
  onError(language: string, error: unknown): void;
}

/**
 * Picks the language of the element's own words and loads its translation: on connect,
 * when `locale` changes (the element calls `refresh`), and when the page's `<html lang>`
 * changes, as sites with a language switch do without a reload. English shows until a
 * translation has arrived, and stays if it cannot.
 */
export class LanguageController implements ReactiveController {
  /** The language `strings` are in. */
  language = 'en';
  strings: LoadedStrings = shellEnglish;
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: LanguageControllerOptions;
  /** The language asked for last; a translation that arrives for another is dropped. */
  #wanted = 'en';
  #observer?: MutationObserver;

  constructor(host: ReactiveControllerHost & Element, options: LanguageControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  // The first `refresh` comes from the element's first update, once a framework has set
  // `locale` right after inserting it: a translation fetched before would be thrown away.
  hostConnected(): void {
    // Also an update when the language stays (fr to fr-CA): ChatKit gets the exact tag.
    this.#observer = new MutationObserver(() => {
      this.refresh();
      this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host.ownerDocument.documentElement, { attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  refresh(): void {
    const wanted = readerLanguage(this.#options.locale(), this.#host, navigator.language);
    if (wanted === this.#wanted) return;
    this.#wanted = wanted;
    if (wanted === 'en') return this.#use('en', shellEnglish);
    this.#options.load(wanted).then(
      (strings) => this.#wanted === wanted && this.#use(wanted, strings),
      (error: unknown) => {
        if (this.#wanted !== wanted) return;
        // Forgotten, so the next refresh (a reconnect, a change of language) tries again.
        this.#wanted = 'en';
        this.#use('en', shellEnglish);
        this.#options.onError(wanted, error);
      },
    );
  }

  #use(language: string, strings: LoadedStrings): void {
    this.language = language;
    this.strings = strings;
    this.#host.requestUpdate();
  }
}
