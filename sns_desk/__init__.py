"""SNS Desk: run a municipality's official social-media accounts under its guideline.

The core package (everything outside :mod:`sns_desk.gui`) never imports Qt, so every rule can be used and
tested from scripts, the command line and the test suite without a GUI.
"""

__version__ = "0.1.0"
APP_NAME = "SNS Desk"
APP_ID = "sns-desk"
