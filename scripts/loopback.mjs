// Test support shared by both packages' suites: a Node HTTP server on a free loopback port.

/**
 * Starts `server` on a free loopback port; `close` also ends open connections.
 * @param {import('node:http').Server} server
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
