"""factcli: who claimed what, when, in which outlet, and whether the sources agree."""

__version__ = "0.3.0"
