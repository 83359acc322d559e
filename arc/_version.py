"""The version of arc, in one place: read by the build, the package and ``arc --version``."""

__version__ = "0.1.0"
