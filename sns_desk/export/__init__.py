"""Excel workbooks from the office's templates."""
