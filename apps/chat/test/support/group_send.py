"""Sends one chat message to a room through the tutorial project's channel layer, as a Django
process would: `python3 group_send.py ROOM TEXT [TYPE]` with DJANGO_SETTINGS_MODULE set.

TYPE defaults to "xx.oo": the dotted spelling, which Channels (and channels-ts) dispatch to the
handler `xx_oo` as well as the "xx_oo" the consumers send themselves.
"""
import asyncio
import sys

from channels.layers import get_channel_layer


async def main(room, text, message_type):
    layer = get_channel_layer()
    await layer.group_send(room, {"type": message_type, "message": {"type": "websocket.receive", "text": text}})
    # Close the connections before the loop ends. Never flush() the core layer: that deletes keys.
    if hasattr(layer, "close_pools"):
        await layer.close_pools()
    else:
        await layer.flush()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "xx.oo"))
