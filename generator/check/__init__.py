"""Check: the cross-file rules (references, consistency, thresholds), once per election edition, on the full data."""
