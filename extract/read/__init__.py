"""Reading: one reader per format turns a file into one normalised text (``SourceText``)
with its pages; OCR for pages without text, repair of OCR damage to æ, ø, å."""
