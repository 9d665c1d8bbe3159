"""factwatch: automotive news → plant, model and date facts → changes → alerts."""

__all__ = ["__version__"]
__version__ = "0.1.0"
