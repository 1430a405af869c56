"""Entry point of the frozen Windows build: both launchers run the normal CLI."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
