import sys

from tests.bench.bench import main

sys.exit(main(sys.argv[1:]))
