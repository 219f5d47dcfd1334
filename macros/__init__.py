"""The build's engine, by responsibility (core, laws, xref, content, search, cli); adapter.py wires it into MkDocs."""
from .adapter import define_env, on_post_build, on_post_page_macros  # noqa: F401
