"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pathMatcher = pathMatcher;
exports.attach = attach;
const channels_server_1 = require("./channels-server");
const handshake_1 = require("./handshake");
const errors_1 = require("./errors");
const options_1 = require("./options");
const scope_1 = require("./scope");
/** True if `path` is `entry` or under it: `"/ws"` takes `/ws` and `/ws/...`; `"/ws/"` takes `/ws/...`. */
function under(path, entry) {
    return path === entry || (entry.endsWith("/") ? path.startsWith(entry) : path.startsWith(`${entry}/`));
}
/**
 * `"/ws"` takes `/ws` and everything under `/ws/`; `"/ws/"` takes everything under `/ws/`.
 * Paths are compared before percent-decoding, as the request carries them.
 */
function pathMatcher(paths) {
    if (paths === undefined)
        return () => true;
    if (typeof paths === "function")
        return paths;
    const list = [...paths];
    return (path) => list.some((entry) => under(path, entry));
}
/** The `root_path` a mount entry gives its scopes: the entry without its trailing slash. */
function mountRoot(entry) {
    return entry.replace(/\/+$/, "");
}
/**
 * Which requests are ours, and the root path each gets: with `paths: ["/ws"]` the scopes of
 * requests under `/ws` get `root_path: "/ws"`, so a URLRouter inside sees paths relative to the
 * mount point, as with Express's `app.use("/ws", router)`. `path` stays the full path, as ASGI has it.
 */
function mounts(paths, rootPath, defaultRoot) {
    if (paths === undefined || typeof paths === "function") {
        return [{ matches: pathMatcher(paths), rootPath: defaultRoot }];
    }
    if (rootPath !== undefined) {
        const outside = paths.filter((entry) => rootPath !== "" && !under(entry, rootPath));
        if (outside.length > 0) {
            throw new errors_1.InvalidServerOption("rootPath", `Options rootPath ${JSON.stringify(rootPath)} and paths ${JSON.stringify(outside)} conflict: a request on those paths ` +
                "is not under rootPath, so no route could match it; drop rootPath (each path is then its own root_path) " +
                "or list only paths under it.");
        }
        return [{ matches: pathMatcher(paths), rootPath }];
    }
    return paths.map((entry) => ({ matches: pathMatcher([entry]), rootPath: mountRoot(entry) }));
}
/**
 * Serves `app` on an existing server (plain node:http, Express, Fastify's `server`): takes the
 * WebSocket upgrades, and with `http: true` also the HTTP requests, whose path `paths` accepts;
 * every other request goes to the listeners the server already had. Attach after the host
 * framework has installed its own request listener, so it can be wrapped. Each `paths` entry is
 * a mount point: it becomes the scope's `root_path`, so routes are written relative to it.
 */
function attach(httpServer, app, options = {}) {
    const { paths, http = false, ...rest } = options;
    const resolved = (0, options_1.resolveOptions)({ ...rest, paths, http }, "attach");
    const core = new channels_server_1.ChannelsServer(app, { ...resolved, lifespan: "off" });
    const table = mounts(paths, rest.rootPath, resolved.rootPath);
    const server = httpServer;
    const mountOf = (req) => {
        const path = (0, scope_1.splitTarget)(req.url ?? "/").rawPath;
        return table.find((mount) => mount.matches(path));
    };
    const hostUpgrade = server.listeners("upgrade");
    const onUpgrade = (req, socket, head) => {
        const mount = mountOf(req);
        if (mount !== undefined)
            return core.handleUpgrade(req, socket, head, mount.rootPath);
        for (const listener of hostUpgrade)
            listener.call(server, req, socket, head);
        // Node destroys unclaimed upgrades only when nobody listens; now we listen, so we must.
        if (hostUpgrade.length === 0 && server.listenerCount("upgrade") === 1) {
            socket.on("error", () => undefined);
            (0, handshake_1.refuseHandshake)(socket, 404);
        }
    };
    server.removeAllListeners("upgrade");
    server.on("upgrade", onUpgrade);
    const hostRequest = http ? server.listeners("request") : [];
    const onRequest = (req, res) => {
        const mount = mountOf(req);
        if (mount !== undefined)
            return core.handleRequest(req, res, mount.rootPath);
        for (const listener of hostRequest)
            listener.call(server, req, res);
        if (hostRequest.length === 0 && server.listenerCount("request") === 1) {
            res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
            res.end("404 Not Found\n");
        }
    };
    if (http) {
        server.removeAllListeners("request");
        server.on("request", onRequest);
    }
    let closing;
    const close = async () => {
        server.off("upgrade", onUpgrade);
        for (const listener of hostUpgrade)
            server.on("upgrade", listener);
        if (http) {
            server.off("request", onRequest);
            for (const listener of hostRequest)
                server.on("request", listener);
        }
        await core.shutdown();
    };
    return { close: () => (closing ??= close()) };
}
//# sourceMappingURL=attach.js.map