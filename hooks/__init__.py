"""The site's MkDocs glue, in three groups that follow the data flow:

- ``hooks.load``: read ``data/*.yml`` and check it (every error names the file, the key, the value
  and what was expected); ``site_data.load`` returns the checked ``SiteData``.
- ``hooks.render``: pure functions from checked data to Markdown and HTML (pages, markers, tables,
  worked examples); no file is read or written here.
- ``hooks.events``: the files ``mkdocs.yml`` lists under ``hooks:``; MkDocs calls their ``on_*``
  functions. They load, render and write, and fix up the built site (fingerprints, CSP, 404s).
"""
