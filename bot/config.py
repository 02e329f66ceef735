"""Settings from environment variables (documented in .env.example)."""

from __future__ import annotations

import hashlib
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from core.ingest.fetch import DOWNLOAD_DEADLINE_SECONDS, MAX_DOWNLOAD_BYTES, Limits

REPO = Path(__file__).resolve().parents[1]
# In this workspace the data sets sit beside the checkout, so a fresh clone just runs.
DEFAULT_SOURCE = REPO.parent / "shared" / "datasets"
DEFAULT_DATA_DIR = REPO / "data" / "processed"


class ConfigError(ValueError):
    """A setting is unusable; the message names the variable and what it expects."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    api_base_url: str | None = None
    data_source: str = str(DEFAULT_SOURCE)
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str | None = None  # None: user data in SQLite files in data_dir; else PostgreSQL
    replica_name: str = field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}")
    # STREAMBOT_REPLICA_NAME was set: this replica beats a heartbeat file of its own (the default
    # name changes with every process, so a health check could never find it).
    named_replica: bool = False
    replicas: int = 1  # serving one bot: each keeps to its share of Telegram's flood limits
    admin_ids: frozenset[int] = frozenset()
    rate_limit: bool = True
    refresh_minutes: float = 1440  # 0: no scheduled refresh (/reload still works)
    retrain_minutes: float = 1440  # 0: the suggestions model is retrained only on /model retrain
    max_title_drop: float = 0.2  # the refresh's sanity gate, per platform and overall
    log_level: str | None = None  # None: INFO, or WARNING in the console
    log_format: str = "kv"  # or "json"
    webhook_url: str | None = None  # set: run_webhook instead of polling
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8080
    webhook_secret: str | None = None  # None: derived from the token
    health_max_age: float = 120  # seconds since the last contact with Telegram
    download_deadline: float = DOWNLOAD_DEADLINE_SECONDS  # per file from a URL source, whole download
    download_max_mb: float = MAX_DOWNLOAD_BYTES / 2**20  # per file from a URL source

    @property
    def download_limits(self) -> Limits:
        return Limits(deadline=self.download_deadline, max_bytes=int(self.download_max_mb * 2**20))

    @property
    def heartbeat_file(self) -> Path:
        """One per named replica (replicas share the data folder, and one file would hide a dead
        one); a single unnamed process keeps the plain ``heartbeat``."""
        return self.data_dir / (f"heartbeat-{self.replica_name}" if self.named_replica else "heartbeat")

    @property
    def secret_token(self) -> str:
        """What Telegram sends in X-Telegram-Bot-Api-Secret-Token with each webhook call."""
        if self.webhook_secret:
            return self.webhook_secret
        return hashlib.sha256(f"streambot-webhook:{self.token}".encode()).hexdigest()[:48]

    @classmethod
    def from_env(cls, environ=None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
            api_base_url=env.get("TELEGRAM_API_BASE_URL", "").strip() or None,
            data_source=env.get("STREAMBOT_DATA_SOURCE", "").strip() or str(DEFAULT_SOURCE),
            data_dir=Path(env.get("STREAMBOT_DATA_DIR", "").strip() or DEFAULT_DATA_DIR),
            database_url=_database_url(env.get("STREAMBOT_DATABASE_URL", "").strip()),
            replica_name=_replica_name(env) or f"{socket.gethostname()}-{os.getpid()}",
            named_replica=bool(_replica_name(env)),
            replicas=_replicas(env.get("STREAMBOT_REPLICAS", "").strip() or "1"),
            admin_ids=_ids(env.get("STREAMBOT_ADMIN_IDS", "")),
            # Only load benchmarks turn it off: they measure the bot, not Telegram's flood limits.
            rate_limit=env.get("STREAMBOT_RATE_LIMIT", "1").strip().lower()
            not in {"0", "off", "false", "no"},
            refresh_minutes=_number(
                env, "STREAMBOT_REFRESH_MINUTES", 1440, "minutes, e.g. 1440 (0 turns it off)"
            ),
            retrain_minutes=_number(
                env, "STREAMBOT_RETRAIN_MINUTES", 1440, "minutes, e.g. 1440 (0 turns it off)"
            ),
            max_title_drop=_share(env.get("STREAMBOT_MAX_TITLE_DROP", "").strip() or "20%"),
            log_level=_choice(env, "STREAMBOT_LOG_LEVEL", LOG_LEVELS, upper=True),
            log_format=_choice(env, "STREAMBOT_LOG_FORMAT", ("kv", "json")) or "kv",
            webhook_url=_webhook_url(
                env.get("STREAMBOT_WEBHOOK_URL", "").strip(),
                bool(env.get("TELEGRAM_API_BASE_URL", "").strip()),
            ),
            webhook_listen=env.get("STREAMBOT_WEBHOOK_LISTEN", "").strip() or "0.0.0.0",
            webhook_port=int(_number(env, "STREAMBOT_WEBHOOK_PORT", 8080, "a TCP port, e.g. 8080")),
            webhook_secret=env.get("STREAMBOT_WEBHOOK_SECRET", "").strip() or None,
            health_max_age=_number(env, "STREAMBOT_HEALTH_MAX_AGE", 120, "seconds, e.g. 120"),
            download_deadline=_positive(
                env, "STREAMBOT_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE_SECONDS, "seconds, e.g. 300"
            ),
            download_max_mb=_positive(
                env, "STREAMBOT_DOWNLOAD_MAX_MB", MAX_DOWNLOAD_BYTES / 2**20, "megabytes, e.g. 512"
            ),
        )


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _choice(env, name: str, choices, upper: bool = False) -> str | None:
    text = env.get(name, "").strip()
    if not text:
        return None
    value = text.upper() if upper else text.lower()
    if value not in choices:
        raise ConfigError(f"{name}: {text!r} is not one of {', '.join(choices)}")
    return value


def _database_url(text: str) -> str | None:
    if not text:
        return None
    if not text.startswith(("postgresql://", "postgres://")):
        scheme = text.split("://")[0] if "://" in text else text[:12]  # never echo a password
        raise ConfigError(
            f"STREAMBOT_DATABASE_URL: {scheme!r}… is not a PostgreSQL URL "
            "(expected postgresql://user:password@host:5432/streambot, or unset for SQLite files)"
        )
    return text


REPLICA_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")


def _replica_name(env) -> str | None:
    """STREAMBOT_REPLICA_NAME, which names a file (its heartbeat) and appears in every log line."""
    text = env.get("STREAMBOT_REPLICA_NAME", "").strip()
    if text and not REPLICA_NAME.fullmatch(text):
        raise ConfigError(
            f"STREAMBOT_REPLICA_NAME: {text!r} is not a replica name "
            "(letters, digits, '.', '_' and '-', up to 63 characters, e.g. bot-1)"
        )
    return text or None


MAX_REPLICAS = 20  # each keeps at least one message a minute per group


def _replicas(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_REPLICAS:
        raise ConfigError(
            f"STREAMBOT_REPLICAS: {text!r} is not a number of replicas serving the bot "
            f"(1 to {MAX_REPLICAS}, e.g. 2)"
        )
    return value


def _webhook_url(text: str, own_api_server: bool) -> str | None:
    if not text:
        return None
    # Telegram calls https only; a self-hosted Bot API server (or a test one) also calls http.
    if not text.startswith("https://") and not (own_api_server and text.startswith("http://")):
        raise ConfigError(
            f"STREAMBOT_WEBHOOK_URL: {text!r} must be the public https:// address Telegram will call"
        )
    return text


def _number(env, name: str, default: float, expected: str) -> float:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise ConfigError(f"{name}: {text!r} is not a number of {expected}")
    return value


def _positive(env, name: str, default: float, expected: str) -> float:
    value = _number(env, name, default, expected)
    if value == 0:
        raise ConfigError(f"{name}: {env.get(name).strip()!r} is not a number of {expected} (above 0)")
    return value


def _share(text: str) -> float:
    """'20%' or '0.2'."""
    try:
        value = float(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise ConfigError(f"STREAMBOT_MAX_TITLE_DROP: {text!r} is not a share of titles, e.g. 20% or 0.2")
    return value


def _ids(text: str) -> frozenset[int]:
    ids = set()
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        if not part:
            continue
        try:
            ids.add(int(part))
        except ValueError:
            raise ConfigError(
                f"STREAMBOT_ADMIN_IDS: {part!r} is not a Telegram user id (expected numbers, e.g. 12345,67890)"
            ) from None
    return frozenset(ids)
