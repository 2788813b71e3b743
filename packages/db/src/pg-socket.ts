import net from "node:net";

/**
 * The client-side deadline of the PostgreSQL pool, at the socket.
 *
 * A server (or a pooler, or a firewall) that accepts a connection and then
 * never answers leaves postgres.js waiting forever: requests hang, and the
 * wedged connection goes back to the pool. postgres.js has no per-query
 * timeout, but it takes a socket factory, so the sockets are made here and
 * watched: each one knows when it last heard from the server, how many answers
 * (ReadyForQuery) it still owes, and since when it is inside a transaction.
 * A periodic sweep destroys a socket that
 * - owes an answer and has heard nothing for `statementDeadlineMs`, or
 * - has been inside one transaction for longer than `transactionDeadlineMs`;
 * postgres.js then fails its queries (CONNECTION_CLOSED, a 503 by
 * `translateDbError`) and opens a fresh connection for the next one. The
 * server side rolls back when the connection drops.
 *
 * The wire protocol is only framed (type byte + length), never decoded, and
 * only the client's Sync/Query and the server's ReadyForQuery are counted.
 * TLS connections (after their SSLRequest the bytes are no longer frames) are
 * not watched: there, TCP keepalive and the server's timeouts are what is left.
 */
export interface SocketWatchOptions {
  /** No answer for this long while one is owed: the connection is given up. */
  statementDeadlineMs: number;
  /** One transaction open for longer than this: the connection is given up. */
  transactionDeadlineMs: number;
  /** TCP keepalive: idle seconds before the first probe. */
  keepAliveSeconds: number;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

/**
 * Walks the message boundaries of one direction of the protocol: `onMessage`
 * gets each message's type byte (0 for the untyped first client message) and
 * its first body byte (-1 when it has none), or the code of an untyped one.
 */
class Framer {
  /** A header split across chunks, gathered here; a whole one is read where it lies (no copy). */
  private readonly header = Buffer.alloc(8);
  private have = 0;
  private skip = 0;
  private peekFor = 0;
  constructor(
    /** The first client message (startup, SSLRequest, CancelRequest) has no type byte. */
    private untypedFirst: boolean,
    private readonly onMessage: (type: number, firstByteOrCode: number) => void,
  ) {}

  push(chunk: Buffer) {
    let offset = 0;
    const length = chunk.length;
    while (offset < length) {
      if (this.skip > 0) {
        if (this.peekFor !== 0) {
          this.onMessage(this.peekFor, chunk[offset]!);
          this.peekFor = 0;
        }
        const n = Math.min(this.skip, length - offset);
        this.skip -= n;
        offset += n;
        continue;
      }
      const headerSize = this.untypedFirst ? 8 : 5;
      let source: Buffer;
      let at: number;
      if (this.have === 0 && length - offset >= headerSize) {
        source = chunk;
        at = offset;
        offset += headerSize;
      } else {
        const n = Math.min(headerSize - this.have, length - offset);
        chunk.copy(this.header, this.have, offset, offset + n);
        this.have += n;
        offset += n;
        if (this.have < headerSize) return;
        source = this.header;
        at = 0;
        this.have = 0;
      }
      if (this.untypedFirst) {
        // int32 length (itself included), int32 code.
        this.untypedFirst = false;
        this.onMessage(0, source.readInt32BE(at + 4));
        this.skip = Math.max(0, source.readInt32BE(at) - 8);
      } else {
        // byte type, int32 length (itself included, type byte not).
        const type = source[at]!;
        this.skip = Math.max(0, source.readInt32BE(at + 1) - 4);
        if (this.skip === 0) this.onMessage(type, -1);
        else this.peekFor = type;
      }
    }
  }
}

/**
 * Sees every chunk written. Node resets an instance's own `write` when it
 * connects, so the hook sits on the stream's `_write`/`_writev`.
 */
class WatchedSocket extends net.Socket {
  onWrite: (chunk: Buffer) => void = () => {};

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    if (Buffer.isBuffer(chunk)) this.onWrite(chunk);
    super._write(chunk, encoding, callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ) {
    for (const { chunk } of chunks) if (Buffer.isBuffer(chunk)) this.onWrite(chunk);
    super._writev?.(chunks, callback);
  }
}

interface Watched {
  socket: net.Socket;
  /** Sync and simple Query messages sent minus ReadyForQuery received. */
  owed: number;
  /** Something was written and nothing has been read since. */
  unanswered: boolean;
  /** When the current wait started or last made progress. */
  progressAt: number;
  transactionSince: number | null;
  opaque: boolean;
}

export interface SocketWatch {
  /** The postgres.js `socket` option. */
  readonly factory: (options: { host: string[]; port: number[]; path?: string }) => net.Socket;
  /** The longest current wait for an owed answer, in ms (0 when none): `/healthz` reads it. */
  longestWaitMs(): number;
  /** Connections given up so far. */
  readonly givenUp: number;
  stop(): void;
}

export const watchSockets = (
  options: SocketWatchOptions,
  onGiveUp?: (reason: "no_answer" | "transaction_too_long") => void,
): SocketWatch => {
  const watched = new Set<Watched>();
  let givenUp = 0;
  const waiting = (w: Watched) => w.unanswered || w.owed > 0;

  const sweep = () => {
    const now = performance.now();
    for (const w of watched) {
      const silent = waiting(w) && now - w.progressAt > options.statementDeadlineMs;
      const longTx = w.transactionSince !== null && now - w.transactionSince > options.transactionDeadlineMs;
      if (!silent && !longTx) continue;
      watched.delete(w);
      givenUp += 1;
      // Destroyed without an error on purpose: postgres.js fails the queries
      // it has on the connection when it closes cleanly (CONNECTION_CLOSED,
      // a 503), including any handed to it between now and the close event;
      // after an 'error' event it would drop those silently.
      onGiveUp?.(silent ? "no_answer" : "transaction_too_long");
      w.socket.destroy();
    }
  };
  const timer = setInterval(sweep, Math.max(50, Math.min(1_000, options.statementDeadlineMs / 4)));
  timer.unref();

  const factory: SocketWatch["factory"] = (pg) => {
    const socket = new WatchedSocket();
    const w: Watched = {
      socket,
      owed: 0,
      unanswered: false,
      progressAt: performance.now(),
      transactionSince: null,
      opaque: false,
    };
    watched.add(w);
    const outgoing = new Framer(true, (type, value) => {
      if (type === 0) {
        if (value === SSL_REQUEST || value === CANCEL_REQUEST) unwatch();
        return;
      }
      // S: Sync, Q: simple Query; each is answered by one ReadyForQuery.
      if (type === 0x53 || type === 0x51) w.owed += 1;
    });
    const incoming = new Framer(false, (type, status) => {
      if (type !== 0x5a) return; // Z: ReadyForQuery, its one byte the transaction status
      w.owed = Math.max(0, w.owed - 1);
      if (status === 0x49)
        w.transactionSince = null; // I: idle
      else w.transactionSince ??= performance.now(); // T or E: inside a transaction
    });
    socket.onWrite = (chunk) => {
      if (w.opaque) return;
      if (!waiting(w)) w.progressAt = performance.now();
      w.unanswered = true;
      outgoing.push(chunk);
    };
    const onData = (chunk: Buffer) => {
      w.progressAt = performance.now();
      w.unanswered = false;
      if (!w.opaque) incoming.push(chunk);
    };
    // TLS (postgres.js wraps this socket after its SSLRequest) and cancel
    // connections are not watched: their bytes are not the protocol's frames.
    const unwatch = () => {
      w.opaque = true;
      watched.delete(w);
      socket.off("data", onData);
    };
    socket.on("data", onData);
    socket.once("close", () => watched.delete(w));
    socket.setKeepAlive(true, options.keepAliveSeconds * 1_000);
    socket.setNoDelay(true);
    if (pg.path) socket.connect(pg.path);
    else socket.connect(pg.port[0] ?? 5432, pg.host[0] ?? "localhost");
    return socket;
  };

  return {
    factory,
    longestWaitMs() {
      const now = performance.now();
      let longest = 0;
      for (const w of watched) if (waiting(w)) longest = Math.max(longest, now - w.progressAt);
      return longest;
    },
    get givenUp() {
      return givenUp;
    },
    stop() {
      clearInterval(timer);
    },
  };
};
