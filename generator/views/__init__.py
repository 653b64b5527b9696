"""Views: the site model of one site edition of one election edition, built once from its filtered records."""
