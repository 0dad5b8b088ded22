"""The plan's life-cycle: a new repository (init) and next year's plan (new-year)."""
