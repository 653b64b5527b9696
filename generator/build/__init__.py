"""Build: the only package that imports MkDocs. It receives finished publications and builds, stores, assembles,
switches, serves and publishes the site."""
