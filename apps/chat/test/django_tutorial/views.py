import json

from django.http import HttpResponse
from django.utils.html import escape

# The tutorial renders index.html with the room number; inlined here so the project is one folder.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Room {room_html}</title></head>
<body>
<div id="message" style="height:300px;border:1px solid #ddd;overflow:auto"></div>
<input type="text" placeholder="请输入" id="txt">
<input type="button" value="发送" onclick="socket.send(document.getElementById('txt').value)">
<input type="button" value="关闭" onclick="socket.close()">
<script>
  const socket = new WebSocket("ws://" + location.host + "/room/" + {room_js} + "/");
  function show(text) {{
    const tag = document.createElement("div");
    tag.innerText = text;
    document.getElementById("message").appendChild(tag);
  }}
  socket.onopen = () => show("[连接成功]");
  socket.onmessage = (event) => show(event.data);
  socket.onclose = () => show("[断开连接]");
</script>
</body></html>
"""


def index(request):
    room = request.GET.get("num") or "lobby"
    room_js = json.dumps(room).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return HttpResponse(PAGE.format(room_html=escape(room), room_js=room_js))
