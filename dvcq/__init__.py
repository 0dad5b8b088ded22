"""dvcq: the annual government mass-mobilisation plan as plain files in git."""

__version__ = "0.1.0"
