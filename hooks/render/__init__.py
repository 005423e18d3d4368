"""Pure functions: checked data → Markdown and HTML for the pages. No I/O."""
