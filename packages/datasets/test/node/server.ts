import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';

/** What the test server answers for a path: a body, or a body cut off after `truncateAt` bytes. */
export interface Route {
  body: Uint8Array;
  status?: number;
  /** Send the full Content-Length but destroy the socket after this many bytes. */
  truncateAt?: number;
  /** Send the full Content-Length, this many bytes, then nothing (until the client gives up). */
  stallAt?: number;
}

/** A local HTTP server on 127.0.0.1 serving `routes` (by path) in 64 KiB chunks; counts requests. */
export async function serve(routes: Record<string, Route>): Promise<{
  base: string;
  hits: Record<string, number>;
  close: () => Promise<void>;
}> {
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-length': String(route.body.length) });
    const end = route.truncateAt ?? route.stallAt ?? route.body.length;
    const chunk = 65536;
    for (let at = 0; at < end; at += chunk)
      res.write(route.body.subarray(at, Math.min(end, at + chunk)));
    if (route.stallAt !== undefined) return;
    if (route.truncateAt === undefined) res.end();
    // Let the client get the headers and first bytes, then drop the connection mid-body.
    else setTimeout(() => res.destroy(), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Checks that `message` reports the connection to `url` lost after at most `cut` bytes. The exact
 * count is a race: a busy client may see the socket close before it has read what the server
 * wrote, so only the behaviour — a named connection loss, no more bytes than were sent — is fixed.
 */
export function expectConnectionLost(message: string, url: string, cut: number): void {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}: connection lost after (\\d+) bytes`).exec(message);
  expect(m, `no "connection lost" for ${url} in: ${message}`).not.toBeNull();
  const received = Number(m![1]);
  expect(received).toBeGreaterThanOrEqual(0);
  expect(received).toBeLessThanOrEqual(cut);
}
