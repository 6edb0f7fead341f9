"""The bundled demo sample: public-domain White House documents (see data/sample/README.md)."""
from __future__ import annotations

from importlib.resources import files


def sample_paths() -> list[str]:
    """The folder(s) holding the bundled sample, ready for ``read_paths``.

    It is the ``whitehouse`` folder itself (not ``data/sample``, whose README is not an
    article), so ids match those of the same files read from the full corpus folder.
    """
    return [str(files("chronicle") / "data" / "sample" / "whitehouse")]
