# streambot: docker build -t streambot . && docker run -e TELEGRAM_BOT_TOKEN=... \
#   -v /path/to/datasets:/datasets:ro -v streambot-data:/data streambot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies in their own layer: rebuilt only when requirements.txt changes.
# Every package ships manylinux wheels for 3.11, so no compiler is needed.
COPY requirements.txt .
RUN pip install -r requirements.txt

# A user without privileges, owning the data folder (a new named volume inherits that).
RUN useradd --create-home --uid 10001 streambot \
    && mkdir /data \
    && chown streambot:streambot /data

COPY core/ core/
COPY bot/ bot/

USER streambot
# Snapshots, the recommender model, subscriptions and the heartbeat live in /data.
# The raw files come from /datasets (mount them read-only) or from an http(s) URL.
ENV STREAMBOT_DATA_DIR=/data \
    STREAMBOT_DATA_SOURCE=/datasets
VOLUME ["/data"]
# Only used in webhook mode (STREAMBOT_WEBHOOK_URL), behind a TLS-terminating proxy.
EXPOSE 8080

# Healthy means the bot heard from Telegram lately: an answered long poll, or in webhook
# mode a getWebhookInfo once a minute. The first start may build the snapshot (~10 s);
# the start period leaves room for a slow URL source too.
HEALTHCHECK --interval=30s --timeout=10s --start-period=5m --retries=3 \
    CMD ["python", "-m", "bot.health"]

# Without TELEGRAM_BOT_TOKEN this is the console chat: docker run -it ... streambot
ENTRYPOINT ["python", "-m", "bot"]
