"""What this PC provides: per-user folders and settings, the OS login, the OS keyring, the log."""
