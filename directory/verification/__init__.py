"""Teams confirm their own services and numbers from a signed link in an
e-mail, without an account: links (``links``), mail (``mail``), what is due and
how far each team has answered (``progress``), the team's page (``views``)."""
