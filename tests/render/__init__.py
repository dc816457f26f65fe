"""Helpers that render resconv's output with LibreOffice and poppler, for eyes and tests."""
