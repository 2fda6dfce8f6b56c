"""Runs the tutorial's Django project (assembled in the current directory) with channels.testing:
two clients in room 1 both get what one sends, and GET /?num=7 renders the page of room 7."""
import asyncio
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

import django  # noqa: E402

django.setup()

from channels.testing import HttpCommunicator, WebsocketCommunicator  # noqa: E402

from mysite.asgi import application  # noqa: E402


async def main():
    a = WebsocketCommunicator(application, "/room/1/")
    b = WebsocketCommunicator(application, "/room/1/")
    other = WebsocketCommunicator(application, "/room/2/")
    for client in (a, b, other):
        connected, _ = await client.connect()
        assert connected
    await a.send_to(text_data="hello")
    assert await a.receive_from() == "hello"
    assert await b.receive_from() == "hello"
    assert await other.receive_nothing()
    for client in (a, b, other):
        await client.disconnect()
    response = await HttpCommunicator(application, "GET", "/?num=7").get_response()
    assert response["status"] == 200, response
    assert b"<title>Room 7</title>" in response["body"], response["body"]
    print("django tutorial: ok")


asyncio.run(main())
