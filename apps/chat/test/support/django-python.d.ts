/**
 * A Python that can import daphne, channels, channels_redis and django, or undefined. Tried in the
 * order the Redis interop tests use: $PYTHON, `python3` on PATH (often a pyenv shim without
 * Debian's packages), then Debian's `/usr/bin/python3`.
 */
export declare const DJANGO_PYTHON: string | undefined;
export declare const DJANGO_PYTHON_MISSING = "no python3 can import daphne, channels, channels_redis, django (Debian: apt-get install daphne python3-django-channels python3-channels-redis)";
