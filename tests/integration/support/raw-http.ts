import { request } from 'node:http';

/** A reply read whole: status, headers and body text. */
export type RawReply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One HTTP request to the loopback host with exactly the headers given (Host, Origin, content type,
 * cookies): what a browser would send, or a forger. fetch() cannot set some of these.
 */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The cookies a reply set, as a Cookie header sends them back. */
export function cookiesOf(reply: RawReply): string {
  const set = reply.headers['set-cookie'] ?? [];
  return (Array.isArray(set) ? set : [set]).map((c) => c.split(';')[0]).join('; ');
}
