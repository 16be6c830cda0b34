"""marsad: Arabic news in, evidence-backed political event data out."""

__version__ = "0.1.0"
