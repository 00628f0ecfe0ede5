"""Knowledge base of Danish municipal policy documents: extraction library."""

__version__ = "0.44.0"
