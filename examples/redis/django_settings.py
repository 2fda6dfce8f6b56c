"""packages/redis/README.md: the Django side of a room shared with channels-ts (settings.py)."""

# #region channel-layers
CHANNEL_LAYERS = {"default": {
    "BACKEND": "channels_redis.core.RedisChannelLayer",  # with CHANNEL_LAYER=redis on the chat
    # "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",  # with CHANNEL_LAYER=redis-pubsub
    "CONFIG": {"hosts": ["redis://127.0.0.1:6379"], "prefix": "asgi"},
}}
# #endregion channel-layers
