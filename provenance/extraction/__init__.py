"""Extraction: from a raw document to statements, speakers, channels, chains and dates."""
