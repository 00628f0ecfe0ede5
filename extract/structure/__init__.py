"""Structure: a read text's headings, section tree, sentences and tables."""
