"""Render: the site model written out: Markdown pages (Jinja2 templates), downloads and open data, the PDF, the JSON
Schemas and the web form that the internal edition serves."""
