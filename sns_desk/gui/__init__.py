"""The Qt GUI: the only part of SNS Desk that imports PySide6.  It asks the core services and shows results."""
