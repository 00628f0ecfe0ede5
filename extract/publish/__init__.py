"""Publishing: what the Datasette site of the knowledge base uses from the library."""
