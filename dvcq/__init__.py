"""dvcq: the annual government mass-mobilisation plan as plain files in git."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `dvcq.__version__`, read from the installed metadata: pyproject.toml is the one place the
    # version is written. Computed on first use, not at import: importlib.metadata costs about
    # 30 ms, and `dvcq check` (benchmarked against a bare YAML parse) never needs the version.
    if name == "__version__":
        found = _installed_version()
        if found is not None:
            return found
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dvcq")
        except PackageNotFoundError:  # a source tree on sys.path that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _installed_version() -> str | None:
    """The `Version:` of the one dvcq dist-info beside the package (a regular install), read
    directly: `dvcq --version` then costs no importlib.metadata. None for anything else (an
    editable install, two dist-infos): importlib.metadata decides."""
    import os

    folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        infos = [
            n for n in os.listdir(folder) if n.startswith("dvcq-") and n.endswith(".dist-info")
        ]
        if len(infos) != 1:
            return None
        with open(os.path.join(folder, infos[0], "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
                if not line.strip():  # the headers end at the first blank line
                    return None
    except (OSError, UnicodeError):
        return None
    return None
