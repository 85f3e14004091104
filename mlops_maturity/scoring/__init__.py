"""The pure engine: question and group scores, levels, recommendations, the Result."""
