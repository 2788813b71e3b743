import { log } from "./progress";
import type { ServerProcess } from "./servers";

/** The servers the bench has started and not yet stopped: an interrupted run stops them all. */
const running = new Set<ServerProcess>();

export const track = async (server: Promise<ServerProcess>): Promise<ServerProcess> => {
  const s = await server;
  running.add(s);
  return s;
};

export const stop = async (server: ServerProcess): Promise<void> => {
  running.delete(server);
  const code = await server.stop();
  if (code !== 0 && code !== null)
    log(`   ${server.name} exited with code ${code} (stderr: ${server.stderrPath})`);
};

export const stopAll = async (): Promise<void> => {
  await Promise.allSettled([...running].map((s) => stop(s)));
};
