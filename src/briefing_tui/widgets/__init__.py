"""The widgets of the reader, one per module, each named after its widget."""
