"""Allow ``python -m etl INPUT.csv -o OUTPUT.pb``."""

from etl.cli import main

raise SystemExit(main())
