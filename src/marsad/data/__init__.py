"""Package data: lexicons, knowledge base, gazetteer (see README.md in this folder)."""
