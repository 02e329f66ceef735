"""Webhook mode: Telegram's POSTs answered only once the update they carry has been handled.

python-telegram-bot's own webhook server answers 200 as soon as an update is parsed and
queued, before any handler runs: a replica killed then (``kill -9``, a dead machine) loses
every update it acknowledged but had not finished, since Telegram resends only the calls that
got no 2xx. Here each POST awaits the update's handling (its handler groups and, on a failure,
the error handler: both count as done) and only then answers 200. A replica that dies mid-update
answers nothing, so Telegram sends the update again, to it after a restart or to another replica.

A redelivered update (same ``update_id``: a proxy's retry, a slow replica) is handled once: the
``handled`` record (``core.userdata.updates``) is claimed before handling and marked done after.
A duplicate of a done update is answered 200 without handling; one still being handled
elsewhere 409, so Telegram asks again later (by then it is done, or its holder died and the
claim is taken over).

Start and stop follow ``Application.run_webhook``: initialize, post_init, start (the JobQueue),
listen, ``setWebhook``; on SIGTERM/SIGINT stop listening, let the updates in flight finish and be
answered (new calls get 503), then stop, post_stop, shutdown, post_shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from http import HTTPStatus

import tornado.web
from telegram import Update
from telegram.ext import Application, ExtBot
from tornado.httpserver import HTTPServer

from core.userdata.updates import BUSY, CLAIMED, DONE

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# A stopping replica waits this long for its updates in flight: under Docker's default 10 s
# between SIGTERM and SIGKILL. Replies take milliseconds; an update still running after it is
# left unanswered, so Telegram sends it again.
STOP_GRACE_SECONDS = 8.0
MAX_BODY_BYTES = 1 << 20  # an update is a few kilobytes
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)


class WebhookError(RuntimeError):
    """The webhook cannot be served (its port cannot be opened)."""


class WebhookServer:
    """Telegram's calls at ``path``, each answered when its update is done."""

    def __init__(self, application: Application, path: str, secret: str, handled=None):
        self.application = application
        self.path = "/" + path.strip("/")
        self.secret = secret
        self.handled = handled  # core.userdata.updates: claims and done marks; None: none kept
        self.stopping = False
        self._in_flight: set[asyncio.Task] = set()
        routes = [(rf"{self.path.rstrip('/')}/?", UpdateEndpoint, {"server": self})]
        self._http = HTTPServer(_Routes(routes), max_body_size=MAX_BODY_BYTES)

    def listen(self, host: str, port: int) -> None:
        try:
            self._http.listen(port, address=host)
        except OSError as exc:  # taken, or not an address of this machine
            raise WebhookError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc

    def trusts(self, secret: str | None) -> bool:
        return hmac.compare_digest((secret or "").encode(), self.secret.encode())

    def parse(self, body: bytes) -> Update | None:
        """The update in a POST's body, or None (logged in one line) when it holds none."""
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("no update_id")
            update = Update.de_json(data, self.application.bot)
        except Exception as exc:  # noqa: BLE001 (whatever a malformed body raises: answered 400)
            log.warning("webhook call without an update (%s: %s)", type(exc).__name__, str(exc)[:200])
            return None
        if isinstance(self.application.bot, ExtBot):
            self.application.bot.insert_callback_data(update)
        return update

    async def answer(self, update: Update) -> int:
        """The HTTP status for Telegram once ``update`` is handled (or why it was not)."""
        if self.stopping:
            return HTTPStatus.SERVICE_UNAVAILABLE  # Telegram resends it, to a replica that stays
        task = asyncio.create_task(self._handle(update), name=f"webhook update {update.update_id}")
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        try:
            # Shielded: a caller that hangs up does not cut the update's handling short.
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            return HTTPStatus.SERVICE_UNAVAILABLE

    async def _handle(self, update: Update) -> int:
        update_id = update.update_id
        try:
            claim = await self._recorded(self.handled.claim, update_id) if self.handled else CLAIMED
        except Exception as exc:  # noqa: BLE001 (the database restarting: Telegram resends it later)
            log.warning("update %s left for Telegram to resend: no claim (%s)", update_id, _reason(exc))
            return HTTPStatus.SERVICE_UNAVAILABLE
        if claim == DONE:
            log.info("update %s was handled already: answered, not handled again", update_id)
            return HTTPStatus.OK
        if claim == BUSY:  # another delivery has it: Telegram asks again once it is done (or died)
            # 409, not 503: a proxy retries a 503 on another replica (which finds the same claim)
            # and counts it against this one (deploy/nginx.conf); the replica is not at fault.
            return HTTPStatus.CONFLICT
        application = self.application
        try:
            await application.update_processor.process_update(update, application.process_update(update))
        except asyncio.CancelledError:  # stopping, past the grace: the next delivery handles it at once
            if self.handled:
                with contextlib.suppress(Exception):
                    self.handled.release(update_id)
            raise
        except Exception:  # an error outside the handlers: Telegram resending it would fail again
            log.exception("update %s failed outside its handlers", update_id)
        try:
            if self.handled:
                await self._recorded(self.handled.done, update_id)
        except Exception as exc:  # noqa: BLE001 (handled: answered 200 all the same, so not resent)
            log.warning("update %s handled, but its done mark was not written (%s)", update_id, _reason(exc))
        return HTTPStatus.OK

    async def _recorded(self, call, update_id: int) -> str | None:
        """``call`` on the handled-updates record: in a worker thread when it is a database's."""
        if self.handled.shared:
            return await asyncio.to_thread(call, update_id)
        return call(update_id)

    async def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop listening, let the updates in flight finish and be answered, then close."""
        self.stopping = True
        self._http.stop()
        if self._in_flight:
            log.info("webhook stopping: %d updates in flight", len(self._in_flight))
            _, late = await asyncio.wait(set(self._in_flight), timeout=grace)
            for task in late:  # left unanswered: Telegram sends them again
                task.cancel()
            if late:
                log.warning("webhook stopped with %d updates unfinished after %.0f s", len(late), grace)
                await asyncio.wait(late, timeout=1)
        await asyncio.sleep(0)  # the finished updates' answers go out
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._http.close_all_connections(), timeout=2)


def _reason(exc: Exception) -> str:
    """An exception in one line (a database's error quotes the statement on further lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Routes(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        pass  # the update log (bot.runtime.logs) has a line per update


class UpdateEndpoint(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)

    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def post(self) -> None:
        if not self.server.trusts(self.request.headers.get(SECRET_HEADER)):
            return self._reply(HTTPStatus.FORBIDDEN, "wrong secret token")  # not Telegram
        update = self.server.parse(self.request.body)
        if update is None:
            return self._reply(HTTPStatus.BAD_REQUEST, "not a Telegram update")
        status = await self.server.answer(update)
        if self.server.stopping:
            self.set_header("Connection", "close")
        self._reply(status)

    def _reply(self, status: int, reason: str = "") -> None:
        self.set_status(status)
        if reason:
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.write(reason)
        self.finish()


async def register_webhook(application: Application, url: str, secret: str) -> None:
    """Ask Telegram to POST every update to ``url`` with ``secret`` (as ``run_webhook`` does)."""
    await application.bot.set_webhook(
        url=url, secret_token=secret, allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
    )


def serve(
    application: Application, *, listen: str, port: int, path: str, url: str, secret: str, handled=None
) -> None:
    """Run ``application`` on the webhook until SIGINT/SIGTERM or ``application.stop_running()``.

    On the event loop's ``run_forever`` as ``Application.run_webhook``, so ``stop_running()``
    (a rejected token, bot/health.py) stops it the same way. ``handled``: the handled-updates
    record (``core.userdata.updates.open_handled_updates``), closed when the application is."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = WebhookServer(application, path, secret, handled)
    stopping = []

    def on_signal() -> None:
        if not stopping:  # a second signal while the updates in flight finish changes nothing
            stopping.append(True)
            raise SystemExit

    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, on_signal)
    try:
        loop.run_until_complete(application.initialize())
        if application.post_init:
            loop.run_until_complete(application.post_init(application))
        loop.run_until_complete(application.start())
        server.listen(listen, port)
        loop.run_until_complete(register_webhook(application, url, secret))
        loop.run_forever()
    except (KeyboardInterrupt, SystemExit):
        log.info("stop signal received")
    finally:
        stopping.append(True)
        try:
            loop.run_until_complete(server.stop())
            if application.running:
                loop.run_until_complete(application.stop())
                if application.post_stop:
                    loop.run_until_complete(application.post_stop(application))
            loop.run_until_complete(application.shutdown())
            if application.post_shutdown:
                loop.run_until_complete(application.post_shutdown(application))
        finally:
            if handled is not None:
                handled.close()
            loop.close()
