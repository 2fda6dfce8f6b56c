import WebSocket from "ws";

// #region client
// PORT=8000 npx tsx examples/docs/multiplexing/client.ts
const socket = new WebSocket(`ws://127.0.0.1:${process.env.PORT ?? 8000}/ws/`);
const send = (stream: string, payload: unknown): void => socket.send(JSON.stringify({ stream, payload }));

socket.on("open", () => {
  send("echo", { hello: "world" });
  send("chat", { text: "hi, lobby" });
  send("weather", {}); // no such stream: answered with a 4404 close frame for "weather"
});

let frames = 0;
socket.on("message", (data) => {
  const frame = JSON.parse(String(data)) as { stream?: string; payload?: unknown; close?: unknown };
  console.log(JSON.stringify(frame));
  if (++frames === 3) socket.close();
});
// #endregion client
