// How long getClientSecret(current) takes once the proactive refresh has run, against
// fetching on demand, from a session endpoint with a fixed latency.
import { createServer } from 'node:http';
import { SecretSource } from '../packages/chatkit-embed/dist/secrets/secret-source.js';

const LATENCY_MS = 50;
const SOURCES = 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function refresh() {
  let n = 0;
  const server = createServer((req, res) => {
    // With ?ttl the secret says when it expires, so the element can refresh ahead.
    const ttl = new URL(req.url, 'http://x').searchParams.get('ttl');
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ client_secret: `ek_${++n}`, ...(ttl && { expires_at: Math.floor(Date.now() / 1000) + Number(ttl) }) }));
    }, LATENCY_MS);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/session`;

  const measureAll = async (url, wait) => {
    const sources = Array.from({ length: SOURCES }, () => new SecretSource({ url }));
    const firsts = await Promise.all(sources.map((source) => source.get(null)));
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const times = [];
    for (const [i, source] of sources.entries()) {
      const started = performance.now();
      await source.get(firsts[i]);
      times.push(performance.now() - started);
      source.dispose();
    }
    return median(times);
  };
  // A 3 s secret is refreshed at half its life; by 2 s the new one is waiting.
  const cachedMs = await measureAll(`${base}?ttl=3`, 2_000);
  const onDemandMs = await measureAll(base, 0);
  server.close();
  return { latencyMs: LATENCY_MS, cachedMs, onDemandMs };
}
