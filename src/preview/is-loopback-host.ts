/**
 * Whether a request's Host header names this machine's loopback on the server's port (127.0.0.1, localhost or
 * [::1]): what a browser sends for the preview's own address, and never for a rebound outside name.
 * @param host the Host header
 * @param port the port the server listens on
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => host.toLowerCase() === `${name}:${port}`);
}
