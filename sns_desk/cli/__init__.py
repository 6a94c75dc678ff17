"""The ``sns-desk`` command line: one module per command group."""
