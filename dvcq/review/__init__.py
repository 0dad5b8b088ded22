"""Review in git: the semantic diff, its outputs, git's textconv, revisions."""
