"""``setWebhook`` from the replica that runs the jobs only (``bot.jobs.replicas``).

python-telegram-bot's ``run_webhook`` calls ``setWebhook`` at every start-up and has no way to
skip it (without a URL it would even make one up from the listening address). Behind one
public URL every replica would set it again; so the bot's requests go through this gate,
which answers that one call itself, unsent, while ``holds_jobs()`` says another replica runs
the jobs. A single process always holds them: nothing changes for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.runtime.transport import RetryingRequest

log = logging.getLogger(__name__)
LEFT_TO_THE_HOLDER = b'{"ok": true, "result": true, "description": "left to the jobs replica"}'


class WebhookGate(RetryingRequest):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.holds_jobs: Callable[[], bool] = lambda: True  # set by bot.app once the lease is known

    async def do_request(self, url, method, request_data=None, *args, **kwargs):
        if url.rsplit("/", 1)[-1] == "setWebhook" and not self.holds_jobs():
            log.info("setWebhook left to the replica running the jobs")
            return 200, LEFT_TO_THE_HOLDER
        return await super().do_request(url, method, request_data, *args, **kwargs)
