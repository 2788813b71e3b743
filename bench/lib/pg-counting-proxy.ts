import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that counts, over every connection through
 * it, what a server asks of the database:
 *
 *  - round trips: each time the client starts sending again after the server
 *    has answered (a batch of protocol messages written at once is one);
 *  - statements: Execute ('E') and simple Query ('Q') messages;
 *  - parses: Parse ('P') messages, i.e. statements planned again rather than
 *    run from a named prepared statement.
 *
 * Only the client's side of the protocol is parsed (type byte + length); bytes
 * are forwarded untouched. The bench points a server at it for a short
 * calibration pass, never while throughput is measured.
 */

export interface ProtocolCounts {
  roundTrips: number;
  statements: number;
  parses: number;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

class ClientStream {
  private buffer: Buffer = Buffer.alloc(0);
  /** Until the startup message, client messages carry no type byte. */
  private startup = true;

  constructor(private readonly counts: ProtocolCounts) {}

  feed(chunk: Buffer) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (true) {
      if (this.startup) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startup = false;
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = this.buffer[0];
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      if (type === 0x45 /* E */ || type === 0x51 /* Q */) this.counts.statements += 1;
      if (type === 0x50 /* P */) this.counts.parses += 1;
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

export interface CountingProxy {
  readonly port: number;
  /** Counts since the last reset, over all connections. */
  readonly counts: ProtocolCounts;
  reset(): void;
  close(): Promise<void>;
}

export const startCountingProxy = async (target: { host: string; port: number }): Promise<CountingProxy> => {
  const counts: ProtocolCounts = { roundTrips: 0, statements: 0, parses: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const stream = new ClientStream(counts);
    // The server has spoken since the client last sent: the next client bytes open a round trip.
    let serverSpoke = true;
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on("data", (chunk: Buffer) => {
      if (serverSpoke) counts.roundTrips += 1;
      serverSpoke = false;
      stream.feed(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      serverSpoke = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts,
    reset() {
      counts.roundTrips = 0;
      counts.statements = 0;
      counts.parses = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
