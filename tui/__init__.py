"""newsreader: a keyboard-first terminal reader for news copy."""

__version__ = "0.1.0"
