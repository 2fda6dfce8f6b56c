from django.shortcuts import render


def index(request):
    room = request.GET.get("num") or "lobby"
    return render(request, "chat/index.html", {"room": room})
