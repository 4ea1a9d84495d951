import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** The real API as its own process (`server/cli/serve.ts`), as deployed: the bench measures it over loopback. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far, in MB (Linux VmHWM). */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // The same Node flags as `npm run serve` (package.json): they bound the young generation, which
  // otherwise grows past the memory budget under sustained ingestion.
  const flags = ['--max-semi-space-size=16', '--max-old-space-size=256'];
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/cli/serve.ts'], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000).unref();
  });
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    async peakRssMb() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
