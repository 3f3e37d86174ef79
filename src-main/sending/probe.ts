import { connect } from 'node:net';

/**
 * Whether a TCP connection to `host:port` opens within `timeoutMs` (ms). Used to notice that a provider
 * is reachable again after the network dropped; it sends nothing.
 */
export function tcpProbe(host: string, port: number, timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Host and port of an http(s) base URL (default ports 80/443). */
export function urlEndpoint(baseUrl: string): { host: string; port: number } {
  const u = new URL(baseUrl);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80,
  };
}
