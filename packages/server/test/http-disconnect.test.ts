import { request } from "node:http";
import type { Message } from "@channels-ts/core";
import { deferred, fetchText, startServer } from "@channels-ts/test-fixtures";

test("http.disconnect reaches the application when the client goes away mid-response", async () => {
  const streaming = deferred();
  const after = deferred<Message>();
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    await receive(); // the (empty) body
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/event-stream"]] });
    await send({ type: "http.response.body", body: Buffer.from("data: 1\n\n"), more_body: true });
    streaming.resolve();
    after.resolve(await receive());
  });
  const req = request(`${server.url}/`, { agent: false }, (res) => res.once("data", () => req.destroy()));
  req.on("error", () => undefined);
  req.end();
  await streaming.promise;
  expect(await after.promise).toEqual({ type: "http.disconnect" });
});

test("after the response is complete, receive() returns http.disconnect", async () => {
  const afterResponse = deferred<Message[]>();
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    await receive();
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("ok") });
    afterResponse.resolve([await receive(), await receive()]);
  });
  expect((await fetchText(`${server.url}/`)).body).toBe("ok");
  expect(await afterResponse.promise).toEqual([{ type: "http.disconnect" }, { type: "http.disconnect" }]);
});
