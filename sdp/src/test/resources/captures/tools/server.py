import http.server, os, sys, re
OUT = sys.argv[2]
class H(http.server.SimpleHTTPRequestHandler):
    def do_POST(self):
        m = re.fullmatch(r'/save/([A-Za-z0-9_.-]+)', self.path)
        n = int(self.headers.get('Content-Length', 0))
        body = self.rfile.read(n)
        if not m:
            self.send_response(404); self.end_headers(); return
        with open(os.path.join(OUT, m.group(1)), 'wb') as f: f.write(body)
        self.send_response(200); self.send_header('Content-Length','0'); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
