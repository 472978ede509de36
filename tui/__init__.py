"""Presentation: the Textual explorer, the click CLI and the bidi renderer."""
