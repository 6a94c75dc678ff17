"""The vocabulary and the rules of the guideline: pure functions and data, no database, no Qt."""
