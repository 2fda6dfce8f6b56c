"""The tutorial's Django project, reduced to what its chat needs.

The channel layer comes from the environment so that the same project can share rooms with
apps/chat on any Redis: REDIS_URL (default redis://127.0.0.1:6379) and CHANNEL_LAYER, "redis"
for channels_redis.core.RedisChannelLayer (the default) or "redis-pubsub" for
channels_redis.pubsub.RedisPubSubChannelLayer, the same names apps/chat reads.
"""
import os

SECRET_KEY = "django-tutorial-test-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
ROOT_URLCONF = "django_tutorial.urls"
ASGI_APPLICATION = "django_tutorial.asgi.application"
USE_TZ = True

_BACKENDS = {
    "redis": "channels_redis.core.RedisChannelLayer",
    "redis-pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
}
_kind = os.environ.get("CHANNEL_LAYER", "redis")
if _kind not in _BACKENDS:
    raise RuntimeError(f"CHANNEL_LAYER={_kind!r} is not one of {', '.join(_BACKENDS)}")

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": _BACKENDS[_kind],
        # Same Redis and same prefix as apps/chat: that is all the two need to share groups.
        "CONFIG": {
            "hosts": [os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")],
            "prefix": "asgi",
        },
    },
}
