"""Use cases: one function per thing a person does.  Each checks permissions, applies the rule, and writes in one
short transaction together with its audit event.  The GUI and the CLI only call these."""
