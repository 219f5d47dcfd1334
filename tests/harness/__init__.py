"""What tests and scripts share, and the only place scripts and tests meet: building a project
(the real one, a copy, or a small scenario site), driving Debian's chromium, and the synthetic
law copies of the scale benchmark."""
