"""Facts: what the mentions of a document add up to — the sums of money it states (allocations),
each once, with what it is, whose it is and the years it is for."""
