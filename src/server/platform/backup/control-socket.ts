import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The running server's control channel for the machine's operator: a Unix socket (mode 0600, in a folder of mode
 * 0700) next to the PGlite data folder, never on the HTTP port. PGlite can be opened by one process only, so a
 * backup while the server runs is asked of the server through it. One request a connection: the client writes a
 * line naming the command, the server answers with the bytes and closes.
 */
export function controlSocketPath(dataDir: string): string {
  return path.join(`${dataDir}.control`, "server.sock");
}

export async function listenControlSocket(
  dataDir: string,
  commands: Record<string, () => Promise<Buffer>>,
  onError: (err: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  const socketPath = controlSocketPath(dataDir);
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(socketPath), 0o700);
  // a socket file left by a server that was killed outright: this process holds the data folder now
  rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    let request = "";
    socket.on("data", (chunk) => {
      request += chunk.toString("utf8");
      if (!request.includes("\n")) return;
      const run = commands[request.trim()];
      if (!run) {
        socket.end(`${JSON.stringify({ error: `unknown command ${request.trim()}` })}\n`);
        return;
      }
      run().then(
        (bytes) => socket.end(bytes),
        (err: unknown) => {
          onError(err);
          socket.end(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
        },
      );
    });
    socket.on("error", onError);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/**
 * Asks the server holding `dataDir` to run a command and returns its answer; null when no server listens there
 * (no socket, or one left by a server that is gone), so the caller may open the folder itself.
 */
export async function askRunningServer(dataDir: string, command: string): Promise<Buffer | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return null;
  return new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let connected = false;
    const socket = net.connect(socketPath, () => {
      connected = true;
      socket.write(`${command}\n`);
    });
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks)));
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === "ECONNREFUSED" || err.code === "ENOENT")) resolve(null);
      else reject(err);
    });
  });
}
