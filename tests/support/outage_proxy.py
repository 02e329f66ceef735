"""A TCP proxy on loopback that stages an outage of the server behind it.

    with OutageProxy(server_port) as proxy:
        client talks to 127.0.0.1:proxy.port
        proxy.cut_for(3)                        # from now: 3 s of "connection refused"
        proxy.cut_after(b'"update_id"', 3)      # the same, right after the next answer holding it

During an outage the port is closed, so a new connection is refused at once (nothing of
a request can have arrived), and every open connection is closed, as when a server or
its network goes away. Afterwards the proxy listens on the same port again.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class OutageProxy:
    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        self.port = 0
        self._lock = threading.Lock()
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._listener: socket.socket | None = None
        self._marker: tuple[bytes, float] | None = None
        self._closed = False
        self.outages = 0

    def __enter__(self) -> OutageProxy:
        self._listen()
        return self

    def __exit__(self, *exc) -> None:
        self._closed = True
        self._cut_everything()

    def cut_for(self, seconds: float) -> None:
        self._cut_everything()
        self._reopen_after(seconds)

    def cut_after(self, marker: bytes, seconds: float) -> None:
        """Cut for ``seconds`` once a server answer holding ``marker`` has been passed on
        (everything else is cut before that answer reaches the client)."""
        with self._lock:
            self._marker = (marker, seconds)

    # ------------------------------------------------------------------------------
    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        with self._lock:
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        with listener:  # closed by this thread only: another closing it could hit a reused fd
            while True:
                try:
                    client, _ = listener.accept()
                except OSError:  # shut down: the outage began
                    return
                self._connect(client)

    def _connect(self, client: socket.socket) -> None:
        client.settimeout(None)
        try:
            server = socket.create_connection(self.target)
        except OSError:
            client.close()
            return
        for sock in (client, server):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pair = (client, server)
        with self._lock:
            self._pairs.add(pair)
        threading.Thread(target=self._pump, args=(pair, client, server, False), daemon=True).start()
        threading.Thread(target=self._pump, args=(pair, server, client, True), daemon=True).start()

    def _pump(self, pair, source: socket.socket, target: socket.socket, answers: bool) -> None:
        try:
            while data := source.recv(65536):
                if answers and self._holds_marker(data):
                    self._cut_everything(but=pair)
                    target.sendall(data)
                    break
                target.sendall(data)
        except OSError:
            pass
        self._close(pair)

    def _holds_marker(self, data: bytes) -> bool:
        with self._lock:
            marker = self._marker
            if marker is None or marker[0] not in data:
                return False
            self._marker = None
        self._reopen_after(marker[1])
        return True

    def _cut_everything(self, but=None) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            pairs = [p for p in self._pairs if p is not but]
        if listener is not None:
            # Refuses new connections at once and wakes the accept loop, which closes it.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
        for pair in pairs:
            self._close(pair)

    def _reopen_after(self, seconds: float) -> None:
        self.outages += 1
        timer = threading.Timer(seconds, lambda: None if self._closed else self._listen())
        timer.daemon = True
        timer.start()

    def _close(self, pair) -> None:
        with self._lock:
            self._pairs.discard(pair)
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
