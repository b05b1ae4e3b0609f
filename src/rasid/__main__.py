"""``python -m rasid``: the command line (the same as the ``rasid`` script)."""

from .cli import main

if __name__ == "__main__":
    main()
