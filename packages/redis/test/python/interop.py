"""One side of the channels-ts <-> channels_redis interop test.

Usage: python3 interop.py REDIS_URL core|pubsub [ENCRYPTION_KEY]

Protocol (JSON lines): prints {"ready": <python channel>} once its channel is in group
"interop"; reads {"ts_channel": <name>} from stdin; then sends to that channel (text, then
bytes) and group_sends (text and bytes) to "interop"; prints every message its own channel
receives (4: two direct from channels-ts, its group send, and channels-ts's), bytes as
{"$bytes": hex}; then prints {"done": true}.
"""
import asyncio
import json
import sys

from wire_json import to_json


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


async def main(url, kind, key):
    if kind == "core":
        from channels_redis.core import RedisChannelLayer

        layer = RedisChannelLayer(hosts=[url], symmetric_encryption_keys=[key] if key else None)
    else:
        from channels_redis.pubsub import RedisPubSubChannelLayer

        layer = RedisPubSubChannelLayer(hosts=[url])
    channel = await layer.new_channel()
    await layer.group_add("interop", channel)
    emit({"ready": channel})
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    ts_channel = json.loads(line)["ts_channel"]
    await layer.send(ts_channel, {"type": "py.direct", "text": "héllo from Python"})
    await layer.send(ts_channel, {"type": "py.direct.bytes", "bytes": b"\x00\x01\xfe\xff"})
    await layer.group_send("interop", {"type": "py.group", "text": "to all", "bytes": b"\x80py"})
    for _ in range(4):
        message = await asyncio.wait_for(layer.receive(channel), 15)
        emit({"received": to_json(message)})
    emit({"done": True})
    if kind == "core":
        await layer.close_pools()  # flush() would delete channels-ts's unread queue too
    else:
        await layer.flush()  # the pub/sub layer's way to close its connections


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
