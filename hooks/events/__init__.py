"""MkDocs event hooks (listed in mkdocs.yml): load, render, write; post-build fix-ups."""
