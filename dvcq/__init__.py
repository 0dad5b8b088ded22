"""dvcq: the annual government mass-mobilisation plan as plain files in git."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `dvcq.__version__`, read from the installed metadata: pyproject.toml is the one place the
    # version is written. Computed on first use, not at import: importlib.metadata costs about
    # 30 ms, and `dvcq check` (benchmarked against a bare YAML parse) never needs the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dvcq")
        except PackageNotFoundError:  # a source tree on sys.path that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
