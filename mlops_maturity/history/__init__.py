"""Pure comparison of results: one subject over time, and many teams side by side."""
