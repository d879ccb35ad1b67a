/** Starts one of the package's servers as a child process, as users run them. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  /** `http://host:port` from the start-up banner. */
  base: string;
  child: ChildProcess;
}

/**
 * Runs `node <args>` and resolves once the output has the base URL (`pattern`, first
 * group) and `readyText`, the banner's last line. Rejects with the output if it exits.
 */
export function startServerProcess(args: string[], env: NodeJS.ProcessEnv, pattern: RegExp, readyText: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    const check = () => {
      const match = pattern.exec(out);
      if (match && out.includes(readyText)) resolve({ base: match[1]!, child });
    };
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      check();
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}
