import WebSocket from "ws";
import { closeAll, start, terminateClients, wsUrl } from "./helpers";

afterEach(async () => {
  terminateClients();
  await closeAll();
});

test("headers given in websocket.accept are added to the 101 response", async () => {
  const server = await start(async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({
      type: "websocket.accept",
      headers: [
        ["set-cookie", "session=abc"],
        ["x-served-by", "channels-ts"],
      ],
    });
  });
  const ws = new WebSocket(wsUrl(server, "/"));
  const upgraded = new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
    ws.once("upgrade", (res) => resolve(res.headers));
    ws.once("error", reject);
  });
  const opened = new Promise((resolve) => ws.once("open", resolve));
  const headers = await upgraded;
  await opened;
  ws.terminate();
  expect(headers["set-cookie"]).toEqual(["session=abc"]);
  expect(headers["x-served-by"]).toBe("channels-ts");
});
