#!/usr/bin/env python3
"""A small stand-in for a Learning Record Store, for tests only: it is no
real LRS.  It serves POST PREFIX/statements on 127.0.0.1 like an LRS
would for our purposes (Basic authentication, the xAPI version header, a
JSON array of statements, ids kept once: the same id again with the same
content is no new statement, with other content a 409), and records
what it was sent, so a test can see that every statement arrived once.

  lrs-standin.py STATE-DIR [PORT]

Writes its port to STATE-DIR/port.  Reads STATE-DIR/mode before each
request: "ok" (the default), a status such as "500", "409" or "403"
(answer it to every request that gets through authentication) or
"hang" (answer nothing for 60 s).
STATE-DIR/stored holds one line per statement stored (its id),
STATE-DIR/posts one line per request: the status and the ids it carried.
Statements stored survive a restart (the test takes it down and up).
"""
import base64
import http.server
import json
import os
import sys
import threading
import time

state = sys.argv[1]
port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
lock = threading.Lock()
AUTH = "Basic " + base64.b64encode(b"test-key:test-secret").decode()


def load():
    kept = {}
    path = os.path.join(state, "stored.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            kept = json.load(f)
    return kept


def mode():
    try:
        with open(os.path.join(state, "mode")) as f:
            return f.read().strip() or "ok"
    except OSError:
        return "ok"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, ids, body=b""):
        with lock, open(os.path.join(state, "posts"), "a") as f:
            f.write("%d %s\n" % (status, " ".join(ids)))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        m = mode()
        if m == "hang":
            time.sleep(60)
            return
        if not self.path.endswith("/xapi/statements"):
            return self.answer(404, [])
        if self.headers.get("Authorization") != AUTH:
            return self.answer(401, [])
        if self.headers.get("X-Experience-API-Version") != "1.0.3":
            return self.answer(400, [])
        try:
            sts = json.loads(body.decode("utf-8"))
            ids = [st["id"] for st in sts]
        except (ValueError, KeyError, TypeError):
            return self.answer(400, [])
        if m.isdigit():
            return self.answer(int(m), ids)
        with lock:
            kept = load()
            for st in sts:
                old = kept.get(st["id"])
                if old is not None and old != st:
                    conflict = True
                    break
            else:
                conflict = False
                new = [st for st in sts if st["id"] not in kept]
                for st in new:
                    kept[st["id"]] = st
                with open(os.path.join(state, "stored.json.new"), "w",
                          encoding="utf-8") as f:
                    json.dump(kept, f)
                os.replace(os.path.join(state, "stored.json.new"),
                           os.path.join(state, "stored.json"))
                with open(os.path.join(state, "stored"), "a") as f:
                    for st in new:
                        f.write(st["id"] + "\n")
        if conflict:
            return self.answer(409, ids)
        self.answer(200, ids, json.dumps(ids).encode())


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
server.daemon_threads = True
with open(os.path.join(state, "port.new"), "w") as f:
    f.write("%d\n" % server.server_address[1])
os.replace(os.path.join(state, "port.new"), os.path.join(state, "port"))
server.serve_forever()
