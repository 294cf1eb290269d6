"""Allow ``python -m elsdesk``."""

from elsdesk.cli import main

raise SystemExit(main())
