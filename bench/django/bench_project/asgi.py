import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_project.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import re_path  # noqa: E402

from bench_project.consumers import RoomConsumer  # noqa: E402

application = ProtocolTypeRouter(
    {"websocket": URLRouter([re_path(r"^room/(?P<group>\w+)/$", RoomConsumer.as_asgi())])}
)
