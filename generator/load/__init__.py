"""Load: strict YAML with line marks, the schema of every data file, the restricted tree laid over data/,
validation into typed records, and every problem with its place and its message in Indonesian."""
