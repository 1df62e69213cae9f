"""The generated parts of the API reference, one module per kind of page (used by hooks.py)."""
