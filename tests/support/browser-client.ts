// A real client of the browser-mode server: plain HTTP for /sessione, the `ws` package for the
// WebSocket, with the headers a browser (or an attacker) would send.
import http from 'node:http';
import WebSocket from 'ws';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export function tokenOf(url: string): string {
  const m = /#t=([\w-]+)$/.exec(url);
  if (!m?.[1]) throw new Error(`nessun token in ${url}`);
  return m[1];
}

/** What the page does at first load: POST the token, get the session cookie ("name=value"). */
export async function exchangeToken(origin: string, token: string | null, extra: Record<string, string> = {}): Promise<HttpAnswer & { cookie: string | null }> {
  const answer = await httpRequest(`${origin}/sessione`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify({ token }),
  });
  const set = answer.headers['set-cookie']?.[0] ?? null;
  return { ...answer, cookie: set ? (set.split(';')[0] as string) : null };
}

export interface Socket {
  ws: WebSocket;
  call(channel: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  close(): void;
}

/** Opens /ws; resolves with the socket, or with the HTTP status and text of a refused upgrade. */
export function openSocket(
  origin: string,
  headers: Record<string, string>,
  path = '/ws',
): Promise<{ socket: Socket; status?: undefined } | { socket?: undefined; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}${path}`, { headers });
    let nextId = 1;
    const waiting = new Map<number, (reply: never) => void>();
    ws.on('message', (data) => {
      const { id, reply } = JSON.parse((data as Buffer).toString('utf8')) as { id: number; reply: never };
      waiting.get(id)?.(reply);
      waiting.delete(id);
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('error', (e) => {
      if (!String(e.message).includes('Unexpected server response')) reject(e);
    });
    ws.on('open', () =>
      resolve({
        socket: {
          ws,
          call: (channel, payload) =>
            new Promise((done) => {
              const id = nextId++;
              waiting.set(id, done);
              ws.send(JSON.stringify({ id, channel, payload }));
            }),
          close: () => ws.close(),
        },
      }),
    );
  });
}
