import { Agent, request } from 'node:http';

/** A small keep-alive HTTP load generator: `concurrency` clients loop until `durationMs` is over. */
export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: () => string;
}

export function send(base: URL, agent: Agent, req: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = req.body?.();
    const r = request(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        agent,
        headers: {
          ...req.headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

export async function runLoad(
  baseUrl: string,
  make: () => LoadRequest,
  options: { concurrency: number; durationMs: number; expectStatus?: number },
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const { status } = await send(base, agent, make());
        latenciesMs.push(performance.now() - t0);
        if (status === (options.expectStatus ?? 200)) requests += 1;
        else failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, failures, seconds, perSecond: requests / seconds, latenciesMs };
}

/**
 * Times read requests, one client, each sent right after a write was acknowledged: what a reader
 * pays when the data just changed, so nothing read before can be reused as it was. Writes may go
 * to another server than reads (another replica).
 */
export async function runReadsAfterWrites(
  reads: { url: string; make: () => LoadRequest },
  writes: { url: string; make: () => LoadRequest },
  options: { durationMs: number },
): Promise<LoadResult> {
  const readAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const writeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latenciesMs: number[] = [];
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  while (performance.now() < started + options.durationMs) {
    const written = await send(new URL(writes.url), writeAgent, writes.make());
    const t0 = performance.now();
    const { status } = await send(new URL(reads.url), readAgent, reads.make());
    latenciesMs.push(performance.now() - t0);
    if (written.status === 200 && status === 200) requests += 1;
    else failures += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  readAgent.destroy();
  writeAgent.destroy();
  return { requests, failures, seconds, perSecond: requests / seconds, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
