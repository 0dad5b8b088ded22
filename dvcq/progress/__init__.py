"""Progress: the store of entries, writing them, periods, the board, fmt."""
