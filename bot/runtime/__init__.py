"""The process around the handlers: the HTTP client to Telegram, logging."""
