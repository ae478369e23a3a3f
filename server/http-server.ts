import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Server as SocketServer } from "socket.io";
import { bodyLimitGuard } from "./http/body-limit-guard";
import { originCheck } from "./http/origin-check";
import { pathGuard } from "./http/path-guard";
import { securityHeaders } from "./http/security-headers";
import { createSocketServer } from "./realtime/io/socket-server";
import { createUpgradeRouter, type UpgradeHandler } from "./realtime/upgrade-router";
import type { AppServices } from "./services";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * How many connections may wait to be accepted (the kernel caps it at somaxconn, 4096
 * here). Node's default, 511, is less than a meeting room of a thousand whose venue's
 * network came back: the connections beyond it were dropped, and their clients tried
 * again only after one, three, then seven seconds.
 */
export const LISTEN_BACKLOG = 4096;

export type RunningHttpServer = {
  server: Server;
  io: SocketServer;
  /** Stops accepting, lets requests in flight finish, closes sockets. */
  close(): Promise<void>;
};

/**
 * Builds the one HTTP server of the process: Express with the Remix handler, /healthz,
 * the socket.io server and the upgrade router for the realtime paths.
 */
export async function createHttpServer(
  services: AppServices,
  options: { collabUpgrade?: UpgradeHandler; withRemix?: boolean } = {},
): Promise<RunningHttpServer> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(securityHeaders({ devServer: Boolean(services.config.devServer && (options.withRemix ?? true)) }));
  app.use(pathGuard());
  app.use(bodyLimitGuard());

  app.get("/healthz", async (_req, res) => {
    const databaseUp = await services.database.ping();
    res.status(databaseUp ? 200 : 503).json({ status: databaseUp ? "ok" : "database unreachable" });
  });

  app.use(originCheck(services.config.publicUrl));

  const withRemix = options.withRemix ?? true;
  const viteDevServer =
    !withRemix || !services.config.devServer
      ? undefined
      : await import("vite").then((vite) => vite.createServer({ root, server: { middlewareMode: true } }));

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else if (withRemix) {
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  }
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

  if (withRemix) {
    const build = viteDevServer
      ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
      : ((await import(path.join(root, "build/server/index.js"))) as ServerBuild);
    app.all(
      "*",
      createRequestHandler({
        build,
        mode: viteDevServer ? "development" : "production",
        getLoadContext: (req, res) => ({
          services,
          clientAddress: req.ip ?? "unknown",
          cspNonce: res.locals.cspNonce as string | undefined,
        }),
      }),
    );
  }

  const server = createServer(app);
  const io = createSocketServer(server, services);
  server.on(
    "upgrade",
    createUpgradeRouter([
      // socket.io attaches its own upgrade listener; the router only has to leave it be.
      { prefix: "/socket.io/", handle: () => {} },
      ...(options.collabUpgrade ? [{ prefix: "/collab/", handle: options.collabUpgrade }] : []),
      ...(viteDevServer ? [{ prefix: "/__vite_hmr", handle: () => {} }] : []),
    ]),
  );

  return {
    server,
    io,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        io.close();
      });
      await viteDevServer?.close();
    },
  };
}
