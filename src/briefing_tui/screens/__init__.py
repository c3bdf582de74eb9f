"""The screens of the reader, one per module."""
