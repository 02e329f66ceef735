"""Test helpers: the loopback Bot API server, a running bot, HTTP sources, reference computations."""
