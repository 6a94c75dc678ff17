from sns_desk.cli import main

raise SystemExit(main())
