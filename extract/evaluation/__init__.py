"""Scoring a built knowledge base against labels a reader wrote (``kb eval``)."""
