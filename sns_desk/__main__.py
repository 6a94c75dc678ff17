from sns_desk.launch import main

raise SystemExit(main())
