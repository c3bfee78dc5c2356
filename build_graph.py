"""Build the knowledge graph: the same as `regiongraph build` (options included)."""

import sys

from regiongraph.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
