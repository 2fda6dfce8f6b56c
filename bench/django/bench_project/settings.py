"""A minimal Django Channels project for the benchmark: one consumer that group-sends what it receives.

CHANNEL_LAYER picks the layer, the names apps/chat reads: "memory" (channels.layers.InMemoryChannelLayer,
the default) or "redis" (channels_redis.core.RedisChannelLayer on REDIS_URL).
"""
import os

SECRET_KEY = "channels-ts-bench-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
ROOT_URLCONF = None
ASGI_APPLICATION = "bench_project.asgi.application"
USE_TZ = True

_kind = os.environ.get("CHANNEL_LAYER", "memory")
if _kind == "memory":
    # Capacity above the loadgen's window, as for the other servers: the bench measures delivery.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1000}}}
elif _kind == "redis":
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")], "capacity": 1000},
        }
    }
else:
    raise RuntimeError(f"CHANNEL_LAYER={_kind!r} is not one of memory, redis")
