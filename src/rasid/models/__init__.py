"""Model files shipped with rasid (read with importlib.resources)."""
