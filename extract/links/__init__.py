"""Across documents: initiative threads, editions of a series, abbreviations.

Runs after the per-document stage, over what the database holds: ``units`` (what can be
an initiative) and ``names`` (normalised names, abbreviations) feed ``match`` (which
units are one initiative) and ``editions`` (which documents are one series); ``stage``
reads the committed rows, links what changed and hands the rows to :mod:`extract.save`.
"""
