"""What the bot keeps about its users (ratings, subscriptions): the SQLite stores."""
