// The Node adapter as it was before it was made faster (web streams in both directions
// through Readable.toWeb / Readable.fromWeb, no request.signal), kept only so that the
// benchmark compares the current one with it in the same run.
import { Readable } from 'node:stream';

export function previousToNodeHandler(handler) {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const init = { method: req.method, headers };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        init.body = Readable.toWeb(req);
        init.duplex = 'half';
      }
      const response = await handler(new Request(url, init));
      const out = {};
      response.headers.forEach((value, name) => (out[name] = value));
      res.writeHead(response.status, out);
      if (!response.body) return res.end();
      const body = Readable.fromWeb(response.body);
      res.on('close', () => body.destroy());
      body.pipe(res);
    })();
  };
}
