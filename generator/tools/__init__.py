"""Tools for editors: split a data file into its public and restricted parts, scaffold new files, write CODEOWNERS."""
