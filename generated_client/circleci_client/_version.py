# Hand-written runtime module (not generated): edit it here.
"""The package's version, read by the build backend too."""

__version__ = "0.1.0"
