// <chatkit-embed> in an Angular app: CUSTOM_ELEMENTS_SCHEMA, attributes with attr.*,
// the `options` property with [options], a method call through a template reference,
// and events with (...) bindings, ChatKit's dotted ones included.
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'chatkit-embed';
import type { ChatKitOptions } from 'chatkit-embed';

const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>chatkit-embed in Angular</h1>
      <button type="button" (click)="chat.setComposerValue({ text: 'Hi from Angular' })">Fill the message box</button>
      <chatkit-embed
        #chat
        [attr.api-url]="apiUrl"
        [attr.domain-key]="domainKey"
        [attr.session-url]="sessionUrl"
        [attr.script-src]="scriptSrc"
        theme="auto"
        [options]="options"
        (chatkit-embed-ready)="note('chatkit-embed-ready')"
        (chatkit.ready)="note('chatkit.ready')"
      ></chatkit-embed>
      <ul id="log">
        @for (line of log(); track $index) {
          <li>{{ line }}</li>
        }
      </ul>
    </main>
  `,
})
class App {
  readonly apiUrl = params.get('api-url') ?? '/chatkit';
  readonly domainKey = params.get('domain-key') ?? 'domain_pk_localhost_dev';
  readonly sessionUrl = params.get('session-url') ?? '/api/chatkit/token';
  readonly scriptSrc = params.get('script-src');
  readonly options: Partial<ChatKitOptions> = { startScreen: { greeting: 'Hello from Angular' } };
  readonly log = signal<string[]>([]);
  note(line: string): void {
    this.log.update((lines) => [...lines, line]);
  }
}

bootstrapApplication(App).catch((error) => console.error(error));
