from django.urls import path

from django_tutorial import views

urlpatterns = [path("", views.index)]
