"""Extractors: pure functions over a document's text, sentences and sections, each with
its rules file: amounts, dates and milestones, target groups, document metadata."""
