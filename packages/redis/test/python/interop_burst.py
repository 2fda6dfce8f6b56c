"""The Python side of the channels-ts <-> channels_redis interop tests under load.

Usage: python3 interop_burst.py REDIS_URL core|pubsub send|receive CAPACITY [ENCRYPTION_KEY]

CAPACITY is the core layer's `capacity`: channels_redis keeps all of a process's channels in one
Redis queue and checks a sender's capacity against it, so a burst into one process needs a
sender capacity of at least the burst, or it skips that process (logged at INFO only).

Protocol (JSON lines, one each way at a time):
- send: reads {"groups": [...], "messages": M}; group_sends M messages to every group, all at
  once ({"type": "py.burst", "group": g, "n": i, "bytes": <3 bytes>}), then one {"type":
  "test.end"} to every group once all were accepted; prints {"sent": <count>}.
- receive: reads {"groups": [...]}; makes one channel per group and adds it; prints {"ready":
  {group: channel}}; receives on every channel at once until its "test.end", and prints
  {"received": {group: [message, ...]}} (bytes as {"$bytes": hex}).
"""
import asyncio
import json
import sys

from wire_json import to_json

END = "test.end"


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


async def read_line():
    return json.loads(await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline))


def make_layer(url, kind, capacity, key):
    if kind == "core":
        from channels_redis.core import RedisChannelLayer

        return RedisChannelLayer(hosts=[url], capacity=capacity, symmetric_encryption_keys=[key] if key else None)
    from channels_redis.pubsub import RedisPubSubChannelLayer

    return RedisPubSubChannelLayer(hosts=[url])


async def send(layer):
    request = await read_line()
    groups, count = request["groups"], request["messages"]
    await asyncio.gather(
        *(
            layer.group_send(group, {"type": "py.burst", "group": group, "n": n, "bytes": bytes([n % 256, 0, 255])})
            for group in groups
            for n in range(count)
        )
    )
    await asyncio.gather(*(layer.group_send(group, {"type": END}) for group in groups))
    emit({"sent": len(groups) * count})


async def receive_until_end(layer, channel):
    got = []
    while True:
        message = await asyncio.wait_for(layer.receive(channel), 30)
        if message["type"] == END:
            return got
        got.append(to_json(message))


async def receive(layer):
    groups = (await read_line())["groups"]
    channels = {}
    for group in groups:
        channels[group] = await layer.new_channel()
        await layer.group_add(group, channels[group])
    emit({"ready": channels})
    results = await asyncio.gather(*(receive_until_end(layer, channels[group]) for group in groups))
    emit({"received": dict(zip(groups, results))})


async def main(url, kind, role, capacity, key):
    layer = make_layer(url, kind, capacity, key)
    await (send(layer) if role == "send" else receive(layer))
    if kind == "core":
        await layer.close_pools()  # flush() would delete channels-ts's unread queues too
    else:
        await layer.flush()  # the pub/sub layer's way to close its connections


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else None))
