/**
 * Imports a module the user points the server at (an Agent Builder export, an agent of
 * their own) as it is: TypeScript included, with no build step, through the module hooks
 * in ts-loader-hooks.ts, registered once per process.
 */
import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

let hooksRegistered = false;

export async function importUserModule(path: string): Promise<Record<string, unknown>> {
  if (!hooksRegistered) {
    register(new URL('./ts-loader-hooks.js', import.meta.url), { data: { packageURL: import.meta.url } });
    hooksRegistered = true;
  }
  return (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
}
