"""Domain: what the bulletin knows, read from valid records: the Kemendagri regions, the editions, the thresholds
with their legal source, who is who (directory), figures over time (series), action items (ledger), readiness,
and the values the site shows (model). It imports the records of ``generator.load`` and no later stage."""
