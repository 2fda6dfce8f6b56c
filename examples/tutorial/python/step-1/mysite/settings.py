"""mysite/settings.py, as `django-admin startproject mysite` writes it, reduced to what the chat needs."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-change-me"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# #region installed-apps
INSTALLED_APPS = [
    "daphne",  # first: its runserver serves ASGI, WebSockets included
    "chat",
    "django.contrib.staticfiles",
]

ASGI_APPLICATION = "mysite.asgi.application"
# #endregion installed-apps

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    },
]

STATIC_URL = "static/"
USE_TZ = True
