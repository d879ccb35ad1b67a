/**
 * The element declares its reactive properties in `static properties` rather than with
 * decorators (to keep the script-tag bundle small). This fails to compile when a name
 * there is not a property of the class, as a misspelt decorated field would.
 */
import type { ChatKitEmbed } from '../../src/element/chatkit-embed.js';

type Unknown = Exclude<keyof typeof ChatKitEmbed.properties, keyof ChatKitEmbed | '_state' | '_error' | '_unread'>;
export const noUnknownProperties: [Unknown] extends [never] ? true : Unknown = true;
