"""A channels_redis layer on several hosts, driven by channels-ts's multi-host test.

Usage: python3 multi_host.py core|pubsub PREFIX REDIS_URL [REDIS_URL ...]

Protocol (JSON lines): prints {"ready": true}; then reads one command per line and answers each
with one line, in order, so the test decides exactly when Python sends and when it receives:
  {"op": "new_channel"}                          -> {"channel": name}
  {"op": "group_add", "group": g, "channel": c}  -> {"ok": true}
  {"op": "send", "channel": c, "message": m}     -> {"ok": true}
  {"op": "group_send", "group": g, "message": m} -> {"ok": true}
  {"op": "receive", "channel": c}                -> {"message": m} (or {"error": ...} after 10 s)
  {"op": "close"}                                -> {"ok": true}, then exits
Bytes travel as {"$bytes": hex} both ways.
"""
import asyncio
import json
import sys

from wire_json import from_json, to_json

RECEIVE_TIMEOUT = 10


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def make_layer(kind, prefix, hosts):
    if kind == "core":
        from channels_redis.core import RedisChannelLayer

        return RedisChannelLayer(hosts=hosts, prefix=prefix)
    from channels_redis.pubsub import RedisPubSubChannelLayer

    return RedisPubSubChannelLayer(hosts=hosts, prefix=prefix)


async def run(layer, command):
    op = command["op"]
    if op == "new_channel":
        return {"channel": await layer.new_channel()}
    if op == "group_add":
        await layer.group_add(command["group"], command["channel"])
    elif op == "send":
        await layer.send(command["channel"], from_json(command["message"]))
    elif op == "group_send":
        await layer.group_send(command["group"], from_json(command["message"]))
    elif op == "receive":
        try:
            message = await asyncio.wait_for(layer.receive(command["channel"]), RECEIVE_TIMEOUT)
        except asyncio.TimeoutError:
            return {"error": f"nothing received on {command['channel']} in {RECEIVE_TIMEOUT} s"}
        return {"message": to_json(message)}
    else:
        return {"error": f"unknown op {op!r}"}
    return {"ok": True}


async def close(layer, kind):
    if kind == "core":
        await layer.close_pools()  # flush() would delete channels-ts's unread queues too
    else:
        await layer.flush()  # the pub/sub layer's way to close its connections


async def main(kind, prefix, hosts):
    layer = make_layer(kind, prefix, hosts)
    loop = asyncio.get_running_loop()
    emit({"ready": True})
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        if command["op"] == "close":
            break
        try:
            emit(await run(layer, command))
        except Exception as error:  # reported to the test, which fails with it
            emit({"error": f"{type(error).__name__}: {error}"})
    await close(layer, kind)
    emit({"ok": True})


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
